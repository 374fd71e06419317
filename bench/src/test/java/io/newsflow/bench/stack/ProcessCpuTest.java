package io.newsflow.bench.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    private static String stat(String name, long utime, long stime) {
        // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        return "4242 (" + name + ") S 1 4242 4242 0 -1 4194368 120 0 0 0 " + utime + " " + stime + " 0 0 20 0 30 0 100 0";
    }

    @Test
    void countsTheUserAndSystemTicksOfCompilerThreads() {
        assertThat(ProcessCpu.compilerTicks(stat("C2 CompilerThre", 731, 12))).isEqualTo(743);
        assertThat(ProcessCpu.compilerTicks(stat("C1 CompilerThre", 40, 2))).isEqualTo(42);
    }

    @Test
    void ignoresOtherThreadsEvenWhenTheirNameLooksLikeAStatLine() {
        assertThat(ProcessCpu.compilerTicks(stat("executor-thread", 900, 30))).isZero();
        assertThat(ProcessCpu.compilerTicks(stat("x) S 1 C2 (y", 900, 30))).isZero();
        assertThat(ProcessCpu.compilerTicks(stat("GC Thread#0", 5, 5))).isZero();
    }
}
