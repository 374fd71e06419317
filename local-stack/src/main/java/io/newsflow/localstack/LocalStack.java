package io.newsflow.localstack;

import io.newsflow.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The local infrastructure of newsflow: one real Kafka broker and one real Elasticsearch node, started on this
 * machine with the topics created. Used by {@code bin/newsflow up} and by the integration tests.
 *
 * <p>The stack records its processes and endpoints in {@code <stackDir>/stack.properties}, so another JVM can
 * find it ({@link #running(Path)}) and stop it ({@link #stop(Path)}).
 */
public final class LocalStack implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
    private static final String STATE_FILE = "stack.properties";
    private static final String KAFKA_DIR = "kafka";
    private static final String ELASTICSEARCH_DIR = "elasticsearch";

    /** Topics, partitions and whether they are compacted. */
    private static final Map<String, Boolean> TOPICS = Map.of(
            Topics.PAGES, false,
            Topics.PAGES_DLQ, false,
            Topics.ARTICLES, true,
            Topics.ARTICLES_DLQ, false,
            Topics.SAVED_SEARCHES, true);

    /**
     * @param stackDir          folder for the broker's and the node's data, config and logs
     * @param cacheDir          where the Elasticsearch distribution is unpacked once and reused
     * @param kafkaPort         broker client port
     * @param elasticsearchPort node HTTP port
     * @param partitions        partitions of each newsflow topic
     * @param kafkaHeapMb       broker heap
     * @param elasticsearchHeapMb node heap
     * @param withElasticsearch   whether to start the node at all (services that only use Kafka test without it)
     */
    public record Options(Path stackDir, Path cacheDir, int kafkaPort, int elasticsearchPort, int partitions,
                          int kafkaHeapMb, int elasticsearchHeapMb, boolean withElasticsearch) {

        /** Defaults for a full stack on free ports, as tests use it. */
        public static Options onFreePorts(Path stackDir) {
            return new Options(stackDir, defaultCacheDir(), FreePorts.next(), FreePorts.next(), 3, 256, 384, true);
        }

        /** The same options without the Elasticsearch node. */
        public Options kafkaOnly() {
            return new Options(stackDir, cacheDir, kafkaPort, elasticsearchPort, partitions, kafkaHeapMb, elasticsearchHeapMb, false);
        }
    }

    /** Where the stack's endpoints are; {@code elasticsearchUrl} is null for a Kafka-only stack. */
    public record Endpoints(String kafkaBootstrapServers, String elasticsearchUrl) {
        /** {@code host:port} of the node, the form Quarkus' {@code quarkus.elasticsearch.hosts} takes. */
        public String elasticsearchHostPort() {
            return elasticsearchUrl.replaceFirst("^https?://", "");
        }
    }

    private final KafkaBroker kafka;
    private volatile ElasticsearchNode elasticsearch;
    private final ElasticsearchNode.Options elasticsearchOptions;
    private final Path stackDir;

    private LocalStack(KafkaBroker kafka, ElasticsearchNode elasticsearch, ElasticsearchNode.Options elasticsearchOptions, Path stackDir) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.elasticsearchOptions = elasticsearchOptions;
        this.stackDir = stackDir;
    }

    /**
     * The default cache folder: {@code NEWSFLOW_CACHE}, else {@code /var/cache/newsflow} for root (whose home the
     * unprivileged Elasticsearch user cannot read), else {@code ~/.cache/newsflow}.
     */
    public static Path defaultCacheDir() {
        String configured = System.getenv("NEWSFLOW_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return "root".equals(System.getProperty("user.name"))
                ? Path.of("/var/cache/newsflow")
                : Path.of(System.getProperty("user.home"), ".cache", "newsflow");
    }

    /** Starts the broker and the node, creates the topics and returns once both are ready. */
    public static LocalStack start(Options options) throws IOException, InterruptedException {
        StackArtifacts artifacts = StackArtifacts.fromBuild();
        Path javaHome = JdkLocator.locate();
        Path stackDir = options.stackDir().toAbsolutePath();
        Files.createDirectories(stackDir);
        if (options.withElasticsearch()) {
            Optional<UnprivilegedUser> user = UnprivilegedUser.whenRoot();
            if (user.isPresent()) {
                user.get().checkCanEnter(stackDir);
            }
        }
        Instant started = Instant.now();

        // launch the broker first: it comes up while the node (the slower one) starts
        KafkaBroker kafka = KafkaBroker.launch(kafkaOptions(options, stackDir, options.kafkaPort(), FreePorts.next(), artifacts, javaHome));
        ElasticsearchNode elasticsearch = null;
        ElasticsearchNode.Options elasticsearchOptions;
        try {
            elasticsearchOptions = elasticsearchOptions(options, stackDir, options.elasticsearchPort(), artifacts, javaHome);
            if (options.withElasticsearch()) {
                elasticsearch = ElasticsearchNode.start(elasticsearchOptions);
            }
        } catch (IOException | RuntimeException e) {
            kafka.stop();
            throw e;
        }
        LocalStack stack = new LocalStack(kafka, elasticsearch, elasticsearchOptions, stackDir);
        try {
            kafka.awaitReady();
            stack.createTopics(options.partitions());
            writeState(stackDir, stack.state());
        } catch (IOException | RuntimeException e) {
            stack.stop();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "local stack ready in {0} ms: Kafka {1}, Elasticsearch {2}",
                String.valueOf(Duration.between(started, Instant.now()).toMillis()), kafka.bootstrapServers(),
                elasticsearch == null ? "(not started)" : elasticsearch.httpUrl());
        return stack;
    }

    /**
     * Starts whatever part of the stack recorded under {@code options.stackDir()} is not running, on its recorded
     * ports and data, and leaves running parts alone: a dead node does not cost the broker a restart, nor the other
     * way round. Starts the whole stack when none is recorded.
     */
    public static Endpoints startMissing(Options options) throws IOException, InterruptedException {
        Path stackDir = options.stackDir().toAbsolutePath();
        Optional<Properties> recorded = readState(stackDir);
        if (recorded.isEmpty() || recorded.get().getProperty("kafka.controller.port") == null) {
            stop(stackDir); // what an older launcher left, without the controller port a broker restart needs
            return start(options).endpoints();
        }
        Properties state = recorded.get();
        StackArtifacts artifacts = StackArtifacts.fromBuild();
        Path javaHome = JdkLocator.locate();
        RecordedProcess kafkaProcess = kafka(stackDir, state);
        if (!(kafkaProcess instanceof RecordedProcess.Ours)) {
            LOG.log(System.Logger.Level.INFO, "Kafka is not running ({0}): starting it again on its data", kafkaProcess.staleBecause());
            KafkaBroker kafka = KafkaBroker.launch(kafkaOptions(options, stackDir, port(state.getProperty("kafka.bootstrap")),
                    Integer.parseInt(state.getProperty("kafka.controller.port")), artifacts, javaHome));
            kafka.awaitReady();
            state.setProperty("kafka.pid", Long.toString(kafka.pid()));
        }
        String elasticsearchUrl = state.getProperty("elasticsearch.url");
        Optional<RecordedProcess> nodeProcess = elasticsearch(stackDir, state);
        if (elasticsearchUrl != null && nodeProcess.isPresent() && !(nodeProcess.get() instanceof RecordedProcess.Ours)) {
            LOG.log(System.Logger.Level.INFO, "Elasticsearch is not running ({0}): starting it again on its data", nodeProcess.get().staleBecause());
            ElasticsearchNode node = ElasticsearchNode.start(
                    elasticsearchOptions(options, stackDir, port(elasticsearchUrl), artifacts, javaHome));
            state.setProperty("elasticsearch.pid", Long.toString(node.pid()));
        }
        writeState(stackDir, state);
        return new Endpoints(state.getProperty("kafka.bootstrap"), elasticsearchUrl);
    }

    private static KafkaBroker.Options kafkaOptions(Options options, Path stackDir, int port, int controllerPort,
                                                    StackArtifacts artifacts, Path javaHome) {
        return new KafkaBroker.Options(stackDir.resolve(KAFKA_DIR), port, controllerPort, options.kafkaHeapMb(), javaHome,
                artifacts.kafkaClasspath());
    }

    private static ElasticsearchNode.Options elasticsearchOptions(Options options, Path stackDir, int port,
                                                                  StackArtifacts artifacts, Path javaHome) throws IOException {
        return new ElasticsearchNode.Options(artifacts.elasticsearchDistribution(), artifacts.analysisPlugin(),
                options.cacheDir(), stackDir.resolve(ELASTICSEARCH_DIR), port, options.elasticsearchHeapMb(), javaHome,
                artifacts.namesFile(), artifacts.elasticsearchRoles(), ElasticsearchUsers.ensure(credentialsDir(stackDir)));
    }

    /** Where a stack keeps the passwords of its Elasticsearch users (outside the node's folder, which the node may own). */
    private static Path credentialsDir(Path stackDir) {
        return stackDir.toAbsolutePath().resolve("credentials");
    }

    /** The Elasticsearch users of the stack recorded under {@code stackDir}, for a client in another JVM. */
    public static Optional<ElasticsearchUsers> elasticsearchUsers(Path stackDir) throws IOException {
        return ElasticsearchUsers.read(credentialsDir(stackDir));
    }

    /** The Elasticsearch users of this stack. */
    public ElasticsearchUsers elasticsearchUsers() {
        return elasticsearchOptions.users();
    }

    /** The port of {@code host:port} or {@code http://host:port}. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public Endpoints endpoints() {
        return new Endpoints(kafka.bootstrapServers(), elasticsearch == null ? null : elasticsearch.httpUrl());
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The node; fails for a Kafka-only stack. */
    public ElasticsearchNode elasticsearch() {
        if (elasticsearch == null) {
            throw new IllegalStateException("this stack was started without Elasticsearch");
        }
        return elasticsearch;
    }

    /**
     * Starts a stopped node again on the same port and data, and waits until it is healthy: what fault tests need
     * to take Elasticsearch away from the services and give it back.
     */
    public synchronized void restartElasticsearch() throws IOException, InterruptedException {
        elasticsearch().stop();
        elasticsearch = ElasticsearchNode.start(elasticsearchOptions);
    }

    /** Stops the node and the broker; idempotent. */
    public void stop() {
        if (elasticsearch != null) {
            elasticsearch.stop();
        }
        kafka.stop();
        try {
            Files.deleteIfExists(stackDir.resolve(STATE_FILE));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove {0}: {1}", stackDir.resolve(STATE_FILE), e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The endpoints of a stack started from {@code stackDir} by any JVM, if its broker and node still run (the
     * processes it recorded, not others that got their pids since).
     */
    public static Optional<Endpoints> running(Path stackDir) throws IOException {
        Path dir = stackDir.toAbsolutePath();
        return readState(dir)
                .filter(state -> kafka(dir, state) instanceof RecordedProcess.Ours
                        && elasticsearch(dir, state).filter(RecordedProcess.Ours.class::isInstance).isPresent())
                .map(state -> new Endpoints(state.getProperty("kafka.bootstrap"), state.getProperty("elasticsearch.url")));
    }

    /** The pids of a stack's processes ({@code kafka}, {@code elasticsearch}) as recorded under {@code stackDir}. */
    public static Map<String, Long> processes(Path stackDir) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        readState(stackDir).ifPresent(state -> {
            pids.put("kafka", Long.parseLong(state.getProperty("kafka.pid")));
            if (state.getProperty("elasticsearch.pid") != null) {
                pids.put("elasticsearch", Long.parseLong(state.getProperty("elasticsearch.pid")));
            }
        });
        return pids;
    }

    /**
     * Stops a stack started from {@code stackDir} by another JVM and removes its record. Only the broker and the node
     * it recorded are signalled: a recorded pid that has exited or belongs to another process now is reported and left
     * alone. Returns whether a broker or a node was stopped.
     */
    public static boolean stop(Path stackDir) throws IOException {
        Path dir = stackDir.toAbsolutePath();
        Optional<Properties> state = readState(dir);
        if (state.isEmpty()) {
            return false;
        }
        boolean stopped = stopPart(dir, state.get(), "elasticsearch");
        stopped |= stopPart(dir, state.get(), "kafka");
        Files.deleteIfExists(dir.resolve(STATE_FILE));
        return stopped;
    }

    /**
     * Stops one part ({@code kafka} or {@code elasticsearch}) of the stack recorded under {@code stackDir}, if it is the
     * process the stack started; {@link #startMissing} starts it again. Returns whether it was stopped.
     */
    public static boolean stopPart(Path stackDir, String part) throws IOException {
        Path dir = stackDir.toAbsolutePath();
        Optional<Properties> state = readState(dir);
        return state.isPresent() && stopPart(dir, state.get(), part);
    }

    private static boolean stopPart(Path stackDir, Properties state, String part) {
        Optional<RecordedProcess> recorded = switch (part) {
            case "kafka" -> Optional.of(kafka(stackDir, state));
            case "elasticsearch" -> elasticsearch(stackDir, state);
            default -> throw new IllegalArgumentException("no part " + part + " in a local stack");
        };
        if (recorded.isEmpty()) {
            return false;
        }
        if (recorded.get() instanceof RecordedProcess.Ours ours) {
            ChildProcesses.stop(ours.handle(), part.equals("kafka") ? KafkaBroker.STOP_TIMEOUT : ElasticsearchNode.STOP_TIMEOUT);
            return true;
        }
        LOG.log(System.Logger.Level.INFO, "{0}: stale pid in {1} ({2}); signalled nothing",
                part, stackDir.resolve(STATE_FILE), recorded.get().staleBecause());
        return false;
    }

    /** The broker's recorded pid, checked against the mark of the broker this stack started. */
    private static RecordedProcess kafka(Path stackDir, Properties state) {
        return RecordedProcess.of(Long.parseLong(state.getProperty("kafka.pid")), KafkaBroker.mark(stackDir.resolve(KAFKA_DIR)));
    }

    /** The node's recorded pid, checked against the mark of the node this stack started; empty for a Kafka-only stack. */
    private static Optional<RecordedProcess> elasticsearch(Path stackDir, Properties state) {
        return Optional.ofNullable(state.getProperty("elasticsearch.pid"))
                .map(pid -> RecordedProcess.of(Long.parseLong(pid), ElasticsearchNode.mark(stackDir.resolve(ELASTICSEARCH_DIR))));
    }

    private void createTopics(int partitions) throws IOException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), partitions, (short) 1).configs(topicConfig(topic.getKey(), topic.getValue())))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("could not create the newsflow topics", e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("Kafka did not create the topics within 30 s", e);
        }
    }

    /** Compaction for the article topic; page topics take records of a whole page. */
    private static Map<String, String> topicConfig(String topic, boolean compacted) {
        Map<String, String> config = new java.util.HashMap<>();
        if (compacted) {
            config.put("cleanup.policy", "compact");
        }
        if (topic.equals(Topics.PAGES) || topic.equals(Topics.PAGES_DLQ)) {
            config.put("max.message.bytes", Integer.toString(Topics.PAGE_RECORD_MAX_BYTES));
        }
        return config;
    }

    /** What another JVM needs to find, stop or complete this stack. */
    private Properties state() {
        Properties state = new Properties();
        state.setProperty("kafka.pid", Long.toString(kafka.pid()));
        state.setProperty("kafka.bootstrap", kafka.bootstrapServers());
        state.setProperty("kafka.controller.port", Integer.toString(kafka.controllerPort()));
        if (elasticsearch != null) {
            state.setProperty("elasticsearch.pid", Long.toString(elasticsearch.pid()));
            state.setProperty("elasticsearch.url", elasticsearch.httpUrl());
        }
        state.setProperty("started", Instant.now().toString());
        return state;
    }

    private static void writeState(Path stackDir, Properties state) throws IOException {
        Path file = stackDir.resolve(STATE_FILE);
        Path written = stackDir.resolve(STATE_FILE + ".new");
        try (OutputStream out = Files.newOutputStream(written)) {
            state.store(out, "newsflow local stack");
        }
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Optional<Properties> readState(Path stackDir) throws IOException {
        Path file = stackDir.toAbsolutePath().resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            state.load(in);
        }
        return Optional.of(state);
    }
}
