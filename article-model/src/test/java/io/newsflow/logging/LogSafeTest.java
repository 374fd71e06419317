package io.newsflow.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void escapesLineBreaksTerminalEscapesQuotesAndBidiControls() {
        assertThat(LogSafe.text("page.txt\n2024-01-01 INFO forged")).isEqualTo("page.txt\\n2024-01-01 INFO forged");
        assertThat(LogSafe.text("\u001b[31mred\u001b[0m.txt")).isEqualTo("\\u001b[31mred\\u001b[0m.txt");
        assertThat(LogSafe.text("a\"b\\c\r\t")).isEqualTo("a\\\"b\\\\c\\r\\t");
        assertThat(LogSafe.text("evil\u202Etxt.exe")).isEqualTo("evil\\u202etxt.exe");
        assertThat(LogSafe.text("\u0085\u2028")).isEqualTo("\\u0085\\u2028");
    }

    @Test
    void leavesOrdinaryNamesAlone() {
        assertThat(LogSafe.text("无锡日报-2024-09-06 第1版.txt")).isEqualTo("无锡日报-2024-09-06 第1版.txt");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
