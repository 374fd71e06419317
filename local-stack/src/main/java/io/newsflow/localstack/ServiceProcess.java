package io.newsflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One newsflow service (a Quarkus fast-jar) running as a child process, with its pid and logs in the data folder
 * so that another JVM ({@code bin/newsflow down}) can find and stop it.
 *
 * <p>The pid file holds the bare pid; the process carries the {@link ProcessMark} of that file on its command line, and
 * a pid whose process lacks it (a reused pid, a hand-written file) or has exited makes the file stale: it is removed
 * with one line that says so, and nothing is signalled.
 *
 * @param name        service name, e.g. {@code search-service}
 * @param jar         its {@code quarkus-run.jar}
 * @param port        HTTP port
 * @param runDir      folder for the pid file
 * @param logDir      folder for the log files
 * @param logRotation size and number of the service's log files
 */
public record ServiceProcess(String name, Path jar, int port, Path runDir, Path logDir, LogRotation logRotation) {
    private static final System.Logger LOG = System.getLogger(ServiceProcess.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** A service whose logs rotate by {@link LogRotation#DEFAULT}. */
    public ServiceProcess(String name, Path jar, int port, Path runDir, Path logDir) {
        this(name, jar, port, runDir, logDir, LogRotation.DEFAULT);
    }

    public Path pidFile() {
        return runDir.resolve(name + ".pid");
    }

    /** The service's own log, written and rotated by the service. */
    public Path logFile() {
        return logDir.resolve(name + ".log");
    }

    /**
     * What the process itself writes to its standard output and error, this start only (the previous start's is in
     * {@code <name>.out.1}): messages of the JVM such as a crash or an {@code OutOfMemoryError}, and anything printed
     * before the service's logging was set up.
     */
    public Path outputFile() {
        return logDir.resolve(name + ".out");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The pid of this service if it runs. */
    public Optional<Long> runningPid() throws IOException {
        return recorded().filter(RecordedProcess.Ours.class::isInstance).map(RecordedProcess::pid);
    }

    /** Why the pid file is stale (see {@link RecordedProcess#staleBecause()}); empty without one, or while the service runs. */
    public Optional<String> stalePidFile() throws IOException {
        return recorded().map(RecordedProcess::staleBecause);
    }

    /** Starts the service with the given configuration (as system properties) unless it already runs. */
    public long start(Path javaHome, int heapMb, Map<String, String> config) throws IOException {
        return start(javaHome, heapMb, List.of(), config);
    }

    /**
     * Starts the service with the given JVM options and configuration (as system properties) unless it already runs.
     */
    public long start(Path javaHome, int heapMb, List<String> jvmOptions, Map<String, String> config) throws IOException {
        Optional<RecordedProcess> recorded = recorded();
        if (recorded.isPresent() && recorded.get() instanceof RecordedProcess.Ours ours) {
            return ours.pid();
        }
        if (recorded.isPresent()) {
            removeStale(recorded.get());
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw -DskipTests package)");
        }
        Files.createDirectories(runDir);
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                "-Xms64m", "-Xmx" + heapMb + "m",
                // small heaps: the serial collector needs far less memory of its own than G1 (RSS is what counts)
                "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port,
                // the local run is for this machine only: nothing listens beyond the loopback interface
                "-Dquarkus.http.host=127.0.0.1",
                ProcessMark.forPidFile(pidFile()).argument()));
        command.addAll(logRotation.systemProperties(logFile()));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that allocates its own arena of freed memory (up to 8 per core): two are plenty for
        // a service whose memory is the JVM's own, and they keep resident memory from creeping up under load
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        if (Files.exists(outputFile())) {
            Files.move(outputFile(), logDir.resolve(name + ".out.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(outputFile().toFile()))
                .start();
        Files.writeString(pidFile(), Long.toString(process.pid()));
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails with the end of the service's log and output. */
    public void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (runningPid().isEmpty()) {
                throw new IOException(name + " exited during start-up; " + endOfLogs());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(name + " not ready within " + READY_TIMEOUT.toSeconds() + " s; " + endOfLogs());
            }
            Thread.sleep(300);
        }
    }

    /**
     * Why a running service is not healthy: its HTTP port does not answer, or {@code /q/health/live} is not UP (a
     * process that lives on after its HTTP server or consumer died). Empty when it answers live.
     */
    public Optional<String> unhealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/live")).timeout(Duration.ofSeconds(5)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.empty() : Optional.of("/q/health/live answers " + status);
        } catch (IOException e) {
            return Optional.of("port " + port + " does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The end of the log, and of the output when there is any (a JVM that could not start says why there). */
    private String endOfLogs() throws IOException {
        String log = "end of " + logFile() + ":\n" + LogTail.of(logFile(), 30);
        if (Files.isRegularFile(outputFile()) && Files.size(outputFile()) > 0) {
            log += "\nend of " + outputFile() + ":\n" + LogTail.of(outputFile(), 15);
        }
        return log;
    }

    /** Stops the service gracefully; returns whether it was running. A stale pid file is removed, nothing signalled. */
    public boolean stop() throws IOException {
        Optional<RecordedProcess> recorded = recorded();
        if (recorded.isEmpty()) {
            return false;
        }
        if (recorded.get() instanceof RecordedProcess.Ours ours) {
            ChildProcesses.stop(ours.handle(), Duration.ofSeconds(20));
            Files.deleteIfExists(pidFile());
            return true;
        }
        removeStale(recorded.get());
        return false;
    }

    /** What the pid file records; empty without a pid file. A file without a pid records a pid no process has. */
    private Optional<RecordedProcess> recorded() throws IOException {
        if (!Files.isRegularFile(pidFile())) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile()).strip();
        long pid = text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1;
        return Optional.of(RecordedProcess.of(pid, ProcessMark.forPidFile(pidFile())));
    }

    private void removeStale(RecordedProcess stale) throws IOException {
        LOG.log(System.Logger.Level.INFO, "{0}: stale pid file {1} ({2}); removed it, signalled nothing",
                name, pidFile(), stale.staleBecause());
        Files.deleteIfExists(pidFile());
    }
}
