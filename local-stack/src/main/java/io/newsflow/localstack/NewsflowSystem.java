package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on this machine: the local stack plus ingest-, enrich- and search-service as processes, all
 * sharing one data folder ({@code inbox/}, {@code archive/}, {@code failed/}, {@code logs/}). What
 * {@code bin/newsflow up/down/status} and the end-to-end test run.
 */
public final class NewsflowSystem {
    private static final System.Logger LOG = System.getLogger(NewsflowSystem.class.getName());

    /**
     * @param home              data folder
     * @param repository        checkout whose built services are run
     * @param kafkaPort         broker port
     * @param elasticsearchPort node HTTP port
     * @param searchPort        search-service HTTP port (the API)
     * @param ingestPort        ingest-service HTTP port
     * @param enrichPort        enrich-service HTTP port
     * @param readProtected     reading (search API, web page, metrics) needs role reader too
     * @param serviceLogs       size and number of each service's log files
     */
    public record Options(Path home, Path repository, int kafkaPort, int elasticsearchPort,
                          int searchPort, int ingestPort, int enrichPort, boolean readProtected, LogRotation serviceLogs) {

        /** Reading open to anyone who reaches the ports (the default), logs rotated by {@link LogRotation#DEFAULT}. */
        public Options(Path home, Path repository, int kafkaPort, int elasticsearchPort,
                       int searchPort, int ingestPort, int enrichPort) {
            this(home, repository, kafkaPort, elasticsearchPort, searchPort, ingestPort, enrichPort, false, LogRotation.DEFAULT);
        }

        public Path stackDir() {
            return home.resolve("stack");
        }

        public Path inbox() {
            return home.resolve("inbox");
        }

        public Path credentialsDir() {
            return home.resolve("credentials");
        }
    }

    private final Options options;

    public NewsflowSystem(Options options) {
        this.options = new Options(options.home().toAbsolutePath(), options.repository().toAbsolutePath(),
                options.kafkaPort(), options.elasticsearchPort(), options.searchPort(), options.ingestPort(), options.enrichPort(),
                options.readProtected(), options.serviceLogs());
    }

    public Options options() {
        return options;
    }

    /** The three services, in start order. */
    public List<ServiceProcess> services() {
        Path logs = options.home().resolve("logs");
        Path run = options.home().resolve("run");
        return List.of(
                new ServiceProcess("search-service", jar("search-service"), options.searchPort(), run, logs, options.serviceLogs()),
                new ServiceProcess("enrich-service", jar("enrich-service"), options.enrichPort(), run, logs, options.serviceLogs()),
                new ServiceProcess("ingest-service", jar("ingest-service"), options.ingestPort(), run, logs, options.serviceLogs()));
    }

    /**
     * Heap of each service: ingest holds a few pages in flight, search a bulk batch and result pages, enrich the
     * tagger model (~60 MB) and pages being enriched. Resident memory is about the heap plus 170 MB of JVM
     * (search-service, native memory tracking: metaspace 55 MB, code 28 MB, symbols 11 MB, malloc 38 MB), and the
     * serial collector keeps a grown heap committed: with 224 MB search-service peaked at 395–402 MB, over its 400,
     * and with 256 MB enrich-service (role dictionaries of the tagger loaded) peaked at 404 MB.
     */
    static int heapMb(String service) {
        return switch (service) {
            case "ingest-service" -> 128;
            case "search-service" -> 200;
            default -> 224;
        };
    }

    /**
     * JVM options beyond the heap. ingest-service reads files and hands them to Kafka, work the first (C1) compiler
     * does well enough; without the optimising compiler its JVM skips that compiler's threads, memory and code cache,
     * the largest part of a small service's resident memory beyond the heap.
     */
    static List<String> jvmOptions(String service) {
        // a JVM out of memory may lose threads (its HTTP server, a consumer) and live on unable to work: exit instead,
        // so that status and any supervisor see it, and up starts it again
        return service.startsWith("ingest-service")
                ? List.of("-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1")
                : List.of("-XX:+ExitOnOutOfMemoryError");
    }

    /** Starts whatever is not running yet and returns once every part is ready. */
    public LocalStack.Endpoints up() throws IOException, InterruptedException {
        for (String folder : List.of("inbox", "archive", "failed", "logs", "run")) {
            Files.createDirectories(options.home().resolve(folder));
        }
        Optional<LocalStack.Endpoints> running = LocalStack.running(options.stackDir());
        LocalStack.Endpoints endpoints;
        if (running.isPresent()) {
            endpoints = running.get();
            LOG.log(System.Logger.Level.INFO, "local stack already running: Kafka {0}, Elasticsearch {1}",
                    endpoints.kafkaBootstrapServers(), endpoints.elasticsearchUrl());
        } else {
            LOG.log(System.Logger.Level.INFO, "starting what is not running of Kafka and Elasticsearch (a first start unpacks Elasticsearch, ~30 s)");
            endpoints = LocalStack.startMissing(new LocalStack.Options(options.stackDir(), LocalStack.defaultCacheDir(),
                    options.kafkaPort(), options.elasticsearchPort(), 3, 256, 512, true));
        }
        Path javaHome = JdkLocator.locate();
        Credentials credentials = credentials();
        LOG.log(System.Logger.Level.INFO, "credentials: {0} (users {1})", credentials.passwordsFile(), String.join(", ", credentials.users()));
        for (ServiceProcess service : services()) {
            Optional<Long> pid = service.runningPid();
            if (pid.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "{0} already running (pid {1})", service.name(), String.valueOf(pid.get()));
                continue;
            }
            service.start(javaHome, heapMb(service.name()), jvmOptions(service.name()), serviceConfig(service.name(), endpoints, credentials));
        }
        for (ServiceProcess service : services()) {
            service.awaitReady();
            LOG.log(System.Logger.Level.INFO, "{0} ready at {1}", service.name(), service.url());
        }
        return endpoints;
    }

    /**
     * The users of this system, generated on the first call into {@code credentials/} and the same ever after (a
     * reader is added once reading is protected). Rotating them: {@code down}, delete the folder, {@code up}.
     */
    public Credentials credentials() throws IOException {
        List<Credentials.User> users = options.readProtected()
                ? List.of(Credentials.ADMIN, Credentials.INGEST, Credentials.READER, Credentials.ALERTS)
                : List.of(Credentials.ADMIN, Credentials.INGEST, Credentials.ALERTS);
        return Credentials.ensure(options.credentialsDir(), users);
    }

    /**
     * What every service is told: where Kafka, Elasticsearch and the data folder are; the two with an HTTP API
     * (ingest, search) also where their users are: files of hashed passwords read as extra configuration, so no
     * secret is on a command line. search-service also where ingest-service answers (its overview page asks ingest
     * about the inbox) and, when reading is protected, the reader's credentials for that question, in a file too.
     */
    Map<String, String> serviceConfig(String service, LocalStack.Endpoints endpoints, Credentials credentials) throws IOException {
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
                "quarkus.elasticsearch.hosts", endpoints.elasticsearchHostPort(),
                "newsflow.home", options.home().toString()));
        if (service.startsWith("ingest-service") || service.startsWith("search-service")) {
            String locations = credentials.configLocations();
            if (service.startsWith("search-service")) {
                // the node's user for search-service, from the stack's credentials (no password on a command line)
                Optional<ElasticsearchUsers> elasticsearch = LocalStack.elasticsearchUsers(options.stackDir());
                if (elasticsearch.isPresent()) {
                    locations += "," + elasticsearch.get().searchServiceConfig().toUri().toString().replace(",", "\\,");
                }
                config.put("newsflow.search.web.ingest-url", "http://127.0.0.1:" + options.ingestPort());
                // webhook receivers of the local run are on this machine (a one-line receiver in the README's tour)
                config.put("newsflow.search.alerts.webhook.allowed-networks", "loopback");
                config.put("newsflow.search.alerts.public-url", "http://localhost:" + options.searchPort());
                if (options.readProtected()) {
                    locations += "," + credentials.searchServiceIngestClient().toUri().toString().replace(",", "\\,");
                }
            }
            config.put("quarkus.config.locations", locations);
            config.put("newsflow.security.read-protected", Boolean.toString(options.readProtected()));
        }
        // the names dictionary the Elasticsearch node reads too, so that editing it and restarting takes effect
        Path names = options.repository().resolve("config").resolve("names.txt");
        if (Files.isRegularFile(names)) {
            config.put("newsflow.enrich.names-file", names.toString());
            // saved searches analyse new articles as the node does: with the same names
            config.put("newsflow.search.alerts.names-file", names.toString());
        }
        return config;
    }

    /**
     * One more instance of a service beside the running system ({@code enrich-service-2}: its own port, pid and log),
     * started and ready when this returns: what scale-out and rebalancing need. Kafka shares the topics' partitions
     * between the instances of a service, which have one consumer group. Stop it with {@link ServiceProcess#stop()}.
     */
    public ServiceProcess startInstance(String service, int number, int port) throws IOException, InterruptedException {
        if (services().stream().noneMatch(s -> s.name().equals(service))) {
            throw new IllegalArgumentException("no service " + service);
        }
        LocalStack.Endpoints endpoints = LocalStack.running(options.stackDir())
                .orElseThrow(() -> new IllegalStateException("the local stack is not running: bin/newsflow up first"));
        ServiceProcess instance = new ServiceProcess(service + "-" + number, jar(service), port,
                options.home().resolve("run"), options.home().resolve("logs"), options.serviceLogs());
        instance.start(JdkLocator.locate(), heapMb(service), jvmOptions(service), serviceConfig(service, endpoints, credentials()));
        instance.awaitReady();
        return instance;
    }

    /** The parts {@link #restart(String)} knows: the stack's two servers and the three services. */
    public List<String> parts() {
        List<String> parts = new java.util.ArrayList<>(List.of("kafka", "elasticsearch"));
        services().forEach(service -> parts.add(service.name()));
        return parts;
    }

    /** Stops one part (a service, {@code kafka} or {@code elasticsearch}) and starts whatever is not running. */
    public LocalStack.Endpoints restart(String part) throws IOException, InterruptedException {
        if (!parts().contains(part)) {
            throw new IllegalArgumentException("unknown part " + part + "; expected one of " + String.join(", ", parts()));
        }
        Optional<ServiceProcess> service = services().stream().filter(s -> s.name().equals(part)).findFirst();
        boolean stopped = service.isPresent() ? service.get().stop() : LocalStack.stopPart(options.stackDir(), part);
        if (stopped) {
            LOG.log(System.Logger.Level.INFO, "stopped {0}", part);
        }
        return up();
    }

    /** Stops the services, then the stack; safe to call when nothing runs. */
    public void down() throws IOException {
        for (ServiceProcess service : services().reversed()) {
            if (service.stop()) {
                LOG.log(System.Logger.Level.INFO, "stopped {0}", service.name());
            }
        }
        if (LocalStack.stop(options.stackDir())) {
            LOG.log(System.Logger.Level.INFO, "stopped Kafka and Elasticsearch");
        }
    }

    /** One line per part: name, state, pid or endpoint. */
    public List<String> status() throws IOException {
        Optional<LocalStack.Endpoints> stack = LocalStack.running(options.stackDir());
        List<String> lines = new java.util.ArrayList<>();
        lines.add("%-16s %-8s %s".formatted("kafka", stack.isPresent() ? "running" : "stopped",
                stack.map(LocalStack.Endpoints::kafkaBootstrapServers).orElse("")));
        lines.add("%-16s %-8s %s".formatted("elasticsearch", stack.isPresent() ? "running" : "stopped",
                stack.map(LocalStack.Endpoints::elasticsearchUrl).orElse("")));
        for (ServiceProcess service : services()) {
            Optional<Long> pid = service.runningPid();
            Optional<String> unhealthy = pid.isPresent() ? service.unhealthy() : Optional.empty();
            String detail = pid.isPresent()
                    ? service.url() + " (pid " + pid.get() + ")" + unhealthy.map(why -> ": " + why).orElse("")
                    : service.stalePidFile().map(why -> "(stale pid file: " + why + ")").orElse("");
            String state = pid.isEmpty() ? "stopped" : unhealthy.isPresent() ? "unhealthy" : "running";
            lines.add("%-16s %-8s %s".formatted(service.name(), state, detail));
        }
        return lines;
    }

    private Path jar(String module) {
        return options.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
