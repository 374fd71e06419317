package io.newsflow.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) running as a child process
 * from the {@code kafka_2.13} jars. Its data and log live in {@link Options#workDir()}; a stopped broker
 * restarts on the same data, which is what fault tests need.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String PID_FILE = "kafka.pid";
    /** Time for a controlled shutdown. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param workDir        folder for the broker's config, data and log
     * @param port           client port (PLAINTEXT listener)
     * @param controllerPort KRaft controller port
     * @param heapMb         maximum heap of the broker JVM
     * @param javaHome       JDK to run the broker with
     * @param classpath      the broker's jars
     */
    public record Options(Path workDir, int port, int controllerPort, int heapMb, Path javaHome, List<Path> classpath) {
    }

    private final Options options;
    private volatile Process process;

    private KafkaBroker(Options options, Process process) {
        this.options = options;
        this.process = process;
    }

    /** Starts the broker and returns once its metadata answers. */
    public static KafkaBroker start(Options options) throws IOException, InterruptedException {
        KafkaBroker broker = launch(options);
        broker.awaitReady();
        return broker;
    }

    /** Starts the broker process without waiting for it; call {@link #awaitReady()} before use. */
    public static KafkaBroker launch(Options options) throws IOException, InterruptedException {
        Path workDir = options.workDir().toAbsolutePath();
        // a broker that cannot bind exits, and waiting for it would find whoever holds the port answering instead
        for (int port : List.of(options.port(), options.controllerPort())) {
            if (!FreePorts.isFree(port)) {
                throw new PortInUseException("port " + port + " on 127.0.0.1 is in use; is another Kafka running?");
            }
        }
        Files.createDirectories(workDir.resolve("data"));
        Path config = workDir.resolve("server.properties");
        Files.writeString(config, serverProperties(options, workDir));
        if (!Files.exists(workDir.resolve("data/meta.properties"))) {
            format(options, config, workDir);
        }
        return new KafkaBroker(options, startProcess(options, workDir, config));
    }

    private static Process startProcess(Options options, Path workDir, Path config) throws IOException {
        List<String> command = javaCommand(options, options.heapMb());
        command.add(mark(workDir).argument());
        command.add("kafka.Kafka");
        command.add(config.toString());
        Path log = workDir.resolve("kafka.log");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.writeString(workDir.resolve(PID_FILE), Long.toString(process.pid()));
        LOG.log(System.Logger.Level.INFO, "Kafka broker starting on 127.0.0.1:{0} (pid {1}, log {2})",
                String.valueOf(options.port()), String.valueOf(process.pid()), log);
        return process;
    }

    /**
     * Starts a stopped broker again on the same port and data, and waits until it answers: what fault tests
     * need to take Kafka away from the services and give it back.
     */
    public synchronized void restart() throws IOException, InterruptedException {
        stop();
        Path workDir = options.workDir().toAbsolutePath();
        process = startProcess(options, workDir, workDir.resolve("server.properties"));
        awaitReady();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + options.port();
    }

    public long pid() {
        return process.pid();
    }

    public int controllerPort() {
        return options.controllerPort();
    }

    public Path logFile() {
        return options.workDir().toAbsolutePath().resolve("kafka.log");
    }

    /** Waits until the broker answers a metadata request, or fails with the tail of its log. */
    public void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    String log = LogTail.of(logFile(), 40);
                    throw PortInUseException.failedStart(
                            "Kafka broker exited with code " + process.exitValue() + "; end of its log:\n" + log, log);
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not up yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("Kafka broker did not answer within " + READY_TIMEOUT.toSeconds()
                            + " s; end of its log:\n" + LogTail.of(logFile(), 40));
                }
                Thread.sleep(200);
            }
        }
    }

    /** Stops the broker gracefully (controlled shutdown), killing it if it does not exit in time. */
    public void stop() {
        ChildProcesses.stop(process.toHandle(), STOP_TIMEOUT);
    }

    /**
     * The mark on the command line of a broker started with this work folder: what tells it from a process that got
     * its pid later.
     */
    static ProcessMark mark(Path workDir) {
        return ProcessMark.forPidFile(workDir.resolve(PID_FILE));
    }

    @Override
    public void close() {
        stop();
    }

    private static void format(Options options, Path config, Path workDir) throws IOException, InterruptedException {
        List<String> command = javaCommand(options, 256);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                // Kafka's own id: its text never starts with '-', which the tool would read as an option (a random
                // base64 id did, one start in 64, and the format failed with a usage message)
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        Path log = workDir.resolve("kafka-format.log");
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("formatting Kafka storage failed; its output:\n" + LogTail.of(log, 40));
        }
    }

    private static List<String> javaCommand(Options options, int heapMb) {
        List<String> command = new ArrayList<>();
        command.add(options.javaHome().resolve("bin/java").toString());
        command.add("-Xms" + Math.min(heapMb, 128) + "m");
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseG1GC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        command.add("-cp");
        command.add(options.classpath().stream().map(Path::toString).collect(Collectors.joining(":")));
        return command;
    }

    private static String serverProperties(Options o, Path workDir) {
        return String.join("\n",
                "# written by newsflow local-stack; rewritten at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + o.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + o.port() + ",CONTROLLER://127.0.0.1:" + o.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + o.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=3",
                // one broker: internal topics cannot have more than one replica
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=168",
                "")
                ;
    }
}
