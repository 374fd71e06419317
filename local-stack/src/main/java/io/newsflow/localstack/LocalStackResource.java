package io.newsflow.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives {@code @QuarkusTest} classes the real local stack: Kafka and Elasticsearch endpoints as configuration, and a
 * {@link KafkaCompanion} on the broker in fields marked {@link InjectKafkaCompanion}.
 *
 * <p>One stack per test JVM, not per test class: it is started on first use, shared by every test class of the
 * module and stopped when the JVM exits. Its files go to {@code target/local-stack} of the module under test.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {
    /** Init argument: {@code "false"} starts Kafka only, for services that do not use Elasticsearch. */
    public static final String ELASTICSEARCH = "elasticsearch";

    private static final System.Logger LOG = System.getLogger(LocalStackResource.class.getName());
    private static final int START_ATTEMPTS = 3;

    private boolean withElasticsearch = true;

    @Override
    public void init(Map<String, String> initArgs) {
        withElasticsearch = !"false".equals(initArgs.get(ELASTICSEARCH));
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = SharedStack.get(withElasticsearch);
        LocalStack.Endpoints endpoints = stack.endpoints();
        if (endpoints.elasticsearchUrl() == null) {
            return Map.of("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        }
        Map<String, String> config = new java.util.HashMap<>(stack.elasticsearchUsers().searchServiceProperties());
        config.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        config.put("quarkus.elasticsearch.hosts", endpoints.elasticsearchHostPort());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(SharedStack.companion(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        // the shared stack outlives each Quarkus application: it stops with the JVM
    }

    /** The stack of this JVM, for tests that need it directly (stopping the broker, talking to the node). */
    public static LocalStack stack() {
        return SharedStack.current();
    }

    private static final class SharedStack {
        private static LocalStack stack;
        private static KafkaCompanion companion;

        static synchronized LocalStack current() {
            if (stack == null) {
                throw new IllegalStateException("no local stack yet: annotate the test with @QuarkusTestResource(LocalStackResource.class)");
            }
            return stack;
        }

        /** The companion on the broker of this JVM's stack, made on first use and closed with the stack. */
        static synchronized KafkaCompanion companion() {
            if (companion == null) {
                KafkaCompanion made = new KafkaCompanion(current().endpoints().kafkaBootstrapServers());
                Runtime.getRuntime().addShutdownHook(new Thread(made::close, "kafka-companion-shutdown"));
                companion = made;
            }
            return companion;
        }

        static synchronized LocalStack get(boolean withElasticsearch) {
            if (stack != null && withElasticsearch && stack.endpoints().elasticsearchUrl() == null) {
                throw new IllegalStateException("the shared stack of this test JVM was started without Elasticsearch;"
                        + " every test class of a module must ask for the same stack");
            }
            if (stack == null) {
                try {
                    stack = startOnFreePorts(withElasticsearch);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the local stack", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the local stack", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
            }
            return stack;
        }

        /** Starts a fresh stack, on other ports again when another process took one of those chosen. */
        private static LocalStack startOnFreePorts(boolean withElasticsearch) throws IOException, InterruptedException {
            Path stackDir = Path.of("target", "local-stack");
            for (int attempt = 1; ; attempt++) {
                // every test run starts from empty topics and an empty index; a stack left running by a
                // killed run is stopped first
                LocalStack.stop(stackDir);
                FileTrees.deleteRecursively(stackDir);
                LocalStack.Options options = LocalStack.Options.onFreePorts(stackDir);
                try {
                    return LocalStack.start(withElasticsearch ? options : options.kafkaOnly());
                } catch (PortInUseException e) {
                    if (attempt == START_ATTEMPTS) {
                        throw e;
                    }
                    LOG.log(System.Logger.Level.WARNING, "local stack start {0} of {1} lost a port, starting on other ports: {2}",
                            attempt, START_ATTEMPTS, e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }
}
