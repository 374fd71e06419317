package io.newsflow.search.it;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Signals to the stack's processes: SIGSTOP freezes one (connections are accepted, nothing answers), SIGCONT thaws it. */
final class Signals {
    private Signals() {
    }

    static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }
}
