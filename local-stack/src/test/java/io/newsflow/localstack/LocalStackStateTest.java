package io.newsflow.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's and the node's pids recorded in {@code stack.properties} are trusted only for the processes the
 * stack started: after a reboot they may belong to anyone.
 */
class LocalStackStateTest {
    @TempDir
    Path stackDir;

    private final OtherProcesses others = new OtherProcesses();

    @AfterEach
    void destroyEverythingStarted() {
        others.close();
    }

    @Test
    void aStackWhosePidsNowBelongToOtherProcessesIsNotRunningAndStoppingItSignalsNothing() throws Exception {
        Process atKafkasPid = others.shellWithChild();
        ProcessHandle itsChild = others.childOf(atKafkasPid);
        Process atTheNodesPid = others.shellWithChild();
        Files.writeString(stackDir.resolve("stack.properties"), String.join("\n",
                "kafka.pid=" + atKafkasPid.pid(),
                "kafka.bootstrap=127.0.0.1:19092",
                "kafka.controller.port=19093",
                "elasticsearch.pid=" + atTheNodesPid.pid(),
                "elasticsearch.url=http://127.0.0.1:19200",
                ""));

        assertThat(LocalStack.running(stackDir)).isEmpty();
        LocalStack.stop(stackDir);

        assertThat(atKafkasPid.isAlive()).as("the process at Kafka's recorded pid").isTrue();
        assertThat(itsChild.isAlive()).as("its child").isTrue();
        assertThat(atTheNodesPid.isAlive()).as("the process at the node's recorded pid").isTrue();
        assertThat(stackDir.resolve("stack.properties")).as("the stale record").doesNotExist();
    }
}
