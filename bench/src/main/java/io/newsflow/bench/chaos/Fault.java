package io.newsflow.bench.chaos;

import java.time.Duration;

/**
 * One fault of a chaos run: what is done to the running system while pages flow ({@code inject}), how long it
 * lasts, and what an operator would do afterwards ({@code heal}: usually {@code bin/newsflow up}, which starts
 * only what is not running). A fault whose heal does nothing tests that the system recovers on its own.
 *
 * @param name         short name for the report
 * @param inject       what is done once a third of the fault's pages are in the inbox
 * @param outage       how long the fault lasts before {@code heal}
 * @param heal         what is done after the outage
 * @param pagesPerSecond rate of the fault's pages into the inbox; 0 drops them all at once
 * @param pageDeadLetters pages the fault itself makes bad, each to be dead-lettered exactly once
 * @param shares         the fault's share of the run's pages (1 for most; the flood takes more)
 */
record Fault(String name, Action inject, Duration outage, Action heal, double pagesPerSecond, int pageDeadLetters,
             int shares) {

    /** A fault that makes no page bad (nothing may be dead-lettered), with one share of the pages. */
    Fault(String name, Action inject, Duration outage, Action heal, double pagesPerSecond) {
        this(name, inject, outage, heal, pagesPerSecond, 0, 1);
    }

    /** Something done to the system under test. */
    @FunctionalInterface
    interface Action {
        void run(ChaosTarget target) throws Exception;
    }

    static final Action NOTHING = target -> { };
}
