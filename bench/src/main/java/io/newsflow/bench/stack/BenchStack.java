package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.localstack.ElasticsearchUsers;
import io.newsflow.localstack.FileTrees;
import io.newsflow.localstack.FreePorts;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.NewsflowSystem;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The whole system, started once for all stack benchmarks of a run, exactly as {@code bin/newsflow up} starts it
 * ({@link NewsflowSystem}: real Kafka, real Elasticsearch, the three packaged services), but on free ports and in
 * its own data folder under the bench work folder, so a user's running system is never touched. A shutdown hook
 * stops all of it when the bench JVM exits, normally, after a failure or on Ctrl-C.
 */
public final class BenchStack {
    private static final System.Logger LOG = System.getLogger(BenchStack.class.getName());
    private static BenchStack shared;

    private final NewsflowSystem system;
    private final Inbox inbox;
    private final Index index;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String kafkaBootstrap;
    private Admin admin;

    private BenchStack(NewsflowSystem system, LocalStack.Endpoints endpoints) {
        this.system = system;
        this.kafkaBootstrap = endpoints.kafkaBootstrapServers();
        this.inbox = new Inbox(system.options().home().resolve("staging"), system.options().inbox());
        this.index = new Index(endpoints.elasticsearchUrl(), elasticsearchUsers(system).authorization(ElasticsearchUsers.SEARCH),
                system.options().repository());
    }

    private static ElasticsearchUsers elasticsearchUsers(NewsflowSystem system) {
        try {
            return LocalStack.elasticsearchUsers(system.options().stackDir())
                    .orElseThrow(() -> new IllegalStateException("the bench stack has no Elasticsearch users"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stack of this run, started on first use (~30 s). */
    public static synchronized BenchStack shared(BenchContext context) throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(context.workDir().resolve("stack-home"), context.root());
        }
        return shared;
    }

    /** A stack of its own in {@code home} (wiped first), stopped when this JVM exits. */
    public static BenchStack start(Path home, Path repository) throws IOException, InterruptedException {
        NewsflowSystem system = new NewsflowSystem(new NewsflowSystem.Options(home, repository,
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()));
        system.down(); // a bench run killed before its clean-up left processes behind
        FileTrees.deleteRecursively(home);
        Thread hook = new Thread(() -> stop(system), "bench-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        LocalStack.Endpoints endpoints;
        try {
            endpoints = system.up();
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(system);
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "bench stack up in {0} s under {1}",
                (System.nanoTime() - started) / 1_000_000_000, home);
        try {
            return new BenchStack(system, endpoints);
        } catch (RuntimeException | Error e) {
            stop(system);
            throw e;
        }
    }

    private static void stop(NewsflowSystem system) {
        try {
            system.down();
        } catch (IOException e) {
            System.err.println("could not stop the bench stack under " + system.options().home() + ": " + e);
        }
    }

    public NewsflowSystem system() {
        return system;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Index index() {
        return index;
    }

    public HttpClient http() {
        return http;
    }

    public String searchApiUrl() {
        return "http://127.0.0.1:" + system.options().searchPort();
    }

    /** The three services by name, with their pids. */
    public Map<String, Long> servicePids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : system.services()) {
            pids.put(service.name(), service.runningPid().orElseThrow(
                    () -> new IllegalStateException(service.name() + " is not running; see " + service.logFile())));
        }
        return pids;
    }

    /**
     * Every process of the run that takes CPU: the three services, the broker, the node and this benchmark's own
     * JVM (the load generator and the drop of the files).
     */
    public Map<String, Long> allPids() throws IOException {
        Map<String, Long> pids = servicePids();
        pids.putAll(LocalStack.processes(system.options().stackDir()));
        pids.put("bench (load, polling)", ProcessHandle.current().pid());
        return pids;
    }

    /** The three services with their base URLs. */
    public List<ServiceProcess> services() {
        return system.services();
    }

    /** A producer for {@code news.articles} configured like enrich-service's (acks=all, idempotent, lz4). */
    public KafkaProducer<String, String> articleProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Sends the articles to {@code news.articles} (key = id, JSON of {@link NewsJson}) and waits for every ack. */
    public void produceArticles(List<Article> articles) throws Exception {
        try (KafkaProducer<String, String> producer = articleProducer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
            for (Article article : articles) {
                acks.add(producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(),
                        NewsJson.mapper().writeValueAsString(article))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    /** Records ever written to a topic: the sum of its partitions' end offsets. */
    public synchronized long topicRecords(String topic) throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
        }
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    /** search-service's Prometheus metrics, name (with labels) to value. */
    public ServiceMetrics searchMetrics() {
        return ServiceMetrics.scrape(http, URI.create(searchApiUrl() + "/q/metrics"));
    }

    /** Any service's Prometheus metrics. */
    public ServiceMetrics metrics(String service) {
        ServiceProcess process = system.services().stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
        return ServiceMetrics.scrape(http, URI.create(process.url() + "/q/metrics"));
    }

    /** GET on the search API; the body as text, failing on any status but 200. */
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(searchApiUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new UncheckedIOException(new IOException("GET " + pathAndQuery + " answered " + response.statusCode()
                    + ": " + response.body()));
        }
        return response.body();
    }
}
