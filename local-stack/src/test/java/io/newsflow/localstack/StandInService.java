package io.newsflow.localstack;

/**
 * What the process tests run in place of a Quarkus service (from a jar {@link StandInJar} makes): a JVM that writes
 * one line to its standard output and waits to be stopped.
 */
public final class StandInService {
    private StandInService() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("stand-in service started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
