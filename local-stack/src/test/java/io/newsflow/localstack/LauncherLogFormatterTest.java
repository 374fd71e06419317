package io.newsflow.localstack;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherLogFormatterTest {

    @Test
    void writesPortsAndPidsWithoutDigitGrouping() {
        LogRecord record = new LogRecord(Level.INFO, "Kafka broker starting on 127.0.0.1:{0} (pid {1}, log {2})");
        record.setParameters(new Object[] {9092, 14113L, "/tmp/kafka.log"});

        assertThat(new LauncherLogFormatter().format(record))
                .isEqualTo("Kafka broker starting on 127.0.0.1:9092 (pid 14113, log /tmp/kafka.log)" + System.lineSeparator());
    }

    @Test
    void keepsMessagesWithoutParametersAndAppendsTheException() {
        LogRecord record = new LogRecord(Level.WARNING, "it''s {0} here");
        record.setThrown(new IllegalStateException("broken"));

        assertThat(new LauncherLogFormatter().format(record))
                .isEqualTo("it''s {0} here: java.lang.IllegalStateException: broken" + System.lineSeparator());
    }
}
