package io.newsflow.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's pid file is trusted only for the process the launcher started: a pid reused by another process (after
 * a reboot, or by hand) or a zombie left by a kill is neither running nor signalled. Real processes: the services
 * are stood in for by a small JVM, strangers by {@code sh} and {@code sleep}.
 */
class ServiceProcessTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path home;

    private final OtherProcesses others = new OtherProcesses();
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void destroyEverythingStarted() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        others.close();
    }

    @Test
    void aPidFileHoldingAnUnrelatedProcessDoesNotMakeTheServiceRunning() throws Exception {
        ServiceProcess service = service("ingest-service");
        Process stranger = others.shellWithChild();
        record(service, stranger.pid());

        assertThat(service.runningPid()).isEmpty();
    }

    @Test
    void stopStopsTheProcessItStartedButNeverAnotherProcessAtTheRecordedPid() throws Exception {
        ServiceProcess service = service("enrich-service");
        long ours = start(service);
        ProcessHandle handle = ProcessHandle.of(ours).orElseThrow();
        assertThat(service.runningPid()).contains(ours);

        assertThat(service.stop()).as("stop() of the service it started").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !handle.isAlive());
        assertThat(service.pidFile()).doesNotExist();

        Process stranger = others.shellWithChild();
        ProcessHandle strangersChild = others.childOf(stranger);
        record(service, stranger.pid());

        assertThat(service.stop()).as("stop() with a stale pid file").isFalse();
        assertThat(stranger.isAlive()).as("the process that now holds the recorded pid").isTrue();
        assertThat(strangersChild.isAlive()).as("its child").isTrue();
        assertThat(service.pidFile()).as("the stale pid file").doesNotExist();
    }

    @Test
    void startRunsTheServiceWhenItsPidFileHoldsAnUnrelatedProcess() throws Exception {
        ServiceProcess service = service("ingest-service");
        Process stranger = others.shellWithChild();
        record(service, stranger.pid());

        long pid = start(service);

        assertThat(pid).isNotEqualTo(stranger.pid());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(service.runningPid()).contains(pid);
        assertThat(Files.readString(service.pidFile()).strip()).isEqualTo(Long.toString(pid));
        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void aKilledServiceLeftAsAZombieIsNotRunningAndStartsAgainAtOnce() throws Exception {
        ServiceProcess service = service("enrich-service");
        long zombie = others.zombie();
        record(service, zombie);

        assertThat(service.runningPid()).isEmpty();
        long pid = start(service);
        assertThat(pid).isNotEqualTo(zombie);
        assertThat(service.runningPid()).contains(pid);
    }

    @Test
    void aServiceWithACommandLineLongerThanAPageIsStillRecognisedAsRunning() throws Exception {
        ServiceProcess service = service("search-service");
        // as long as a broker's class path: more than the 4 KB of it that ProcessHandle.Info reads
        long pid = start(service, Map.of("newsflow.padding", "x".repeat(6000)));

        assertThat(service.runningPid()).contains(pid);
        assertThat(service.stop()).isTrue();
        assertThat(ChildProcesses.isAlive(pid)).as("exited (a zombie until this JVM collects it)").isFalse();
    }

    @Test
    void theServiceLogsToRotatedFilesAndItsOwnOutputGoesToAFileOfEachStart() throws Exception {
        ServiceProcess service = service("search-service");
        Path output = home.resolve("logs/search-service.out");

        long first = start(service);

        List<String> arguments = Arrays.asList(ProcessHandle.of(first).orElseThrow().info().arguments().orElseThrow());
        assertThat(arguments).contains(
                "-Dquarkus.log.file.enabled=true",
                "-Dquarkus.log.file.path=" + service.logFile(),
                "-Dquarkus.log.file.rotation.max-file-size=10M",
                "-Dquarkus.log.file.rotation.max-backup-index=4",
                "-Dquarkus.log.console.enabled=false");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(output) && Files.readString(output).contains("stand-in service started"));

        service.stop();
        long second = start(service);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(output).contains("stand-in service started"));
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(output)).as("this start's output only").containsOnlyOnce("stand-in service started");
        assertThat(home.resolve("logs/search-service.out.1")).as("the previous start's output").content().contains("stand-in service started");
    }

    @Test
    void aRunningServiceWhosePortDoesNotAnswerOrWhoseLivenessIsDownIsUnhealthy() throws Exception {
        ServiceProcess service = service("enrich-service");
        assertThat(service.unhealthy()).hasValueSatisfying(why -> assertThat(why).contains("does not answer"));

        java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger(200);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", service.port()), 0);
        server.createContext("/q/health/live", exchange -> {
            exchange.sendResponseHeaders(live.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            assertThat(service.unhealthy()).isEmpty();
            live.set(503);
            assertThat(service.unhealthy()).hasValue("/q/health/live answers 503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyServiceExitsOnOutOfMemoryInsteadOfLivingOnWithoutItsThreads() {
        for (String name : List.of("ingest-service", "enrich-service", "search-service")) {
            assertThat(NewsflowSystem.jvmOptions(name)).contains("-XX:+ExitOnOutOfMemoryError");
        }
    }

    private ServiceProcess service(String name) throws IOException {
        Path jar = Files.exists(home.resolve("stand-in.jar")) ? home.resolve("stand-in.jar") : StandInJar.writeTo(home);
        return new ServiceProcess(name, jar, FreePorts.next(), home.resolve("run"), home.resolve("logs"));
    }

    private long start(ServiceProcess service) throws IOException {
        return start(service, Map.of());
    }

    private long start(ServiceProcess service, Map<String, String> config) throws IOException {
        long pid = service.start(JAVA_HOME, 64, config);
        started.add(pid);
        return pid;
    }

    /** What a pid file left from before a reboot, or written by hand, holds. */
    private static void record(ServiceProcess service, long pid) throws IOException {
        Files.createDirectories(service.pidFile().getParent());
        Files.writeString(service.pidFile(), pid + "\n");
    }
}
