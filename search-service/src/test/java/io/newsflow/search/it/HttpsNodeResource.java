package io.newsflow.search.it;

import io.newsflow.localstack.ElasticsearchNode;
import io.newsflow.localstack.ElasticsearchUsers;
import io.newsflow.localstack.FreePorts;
import io.newsflow.localstack.JdkLocator;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.PortInUseException;
import io.newsflow.localstack.StackArtifacts;
import io.newsflow.search.config.TestCertificates;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An Elasticsearch node of its own with HTTPS on, its certificate signed by a CA made at test time
 * ({@link TestCertificates}), for the test classes that name it in their profile: the service is pointed at it with
 * {@code quarkus.elasticsearch.protocol=https} and trusts the CA through {@code newsflow.search.elasticsearch.trust-store}.
 * It starts after {@link io.newsflow.localstack.LocalStackResource} (which still gives the broker), so its settings
 * win. Stopped with the test class's application, or by a shutdown hook if the JVM ends first.
 */
public class HttpsNodeResource implements QuarkusTestResourceLifecycleManager {
    private static final int START_ATTEMPTS = 3;

    private static volatile ElasticsearchNode node;
    private static volatile TestCertificates certificates;

    private Path workDir;
    private Path certificatesDir;
    private Thread stopOnExit;

    /** The running node (its URL is {@code https://localhost:<port>}). */
    static ElasticsearchNode node() {
        return node;
    }

    /** The certificates the node serves and the service trusts. */
    static TestCertificates certificates() {
        return certificates;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            // two folders: the node's is handed to its user when this runs as root, the certificates are copied by the node
            workDir = Files.createTempDirectory(target, "https-node-");
            certificatesDir = Files.createTempDirectory(target, "https-certificates-");
            certificates = TestCertificates.create(certificatesDir);
            node = startOnFreePort(workDir, certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the HTTPS Elasticsearch node", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTPS Elasticsearch node", e);
        }
        stopOnExit = new Thread(node::stop, "stop-https-elasticsearch");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Map<String, String> config = new HashMap<>(node.users().searchServiceProperties());
        config.put("quarkus.elasticsearch.hosts", node.httpUrl().replaceFirst("^https://", ""));
        config.put("quarkus.elasticsearch.protocol", "https");
        config.put("newsflow.search.elasticsearch.trust-store", certificates.trustStore("PKCS12").toString());
        config.put("newsflow.search.elasticsearch.trust-store-password", TestCertificates.PASSWORD);
        return config;
    }

    private static ElasticsearchNode startOnFreePort(Path workDir, TestCertificates certificates) throws Exception {
        StackArtifacts artifacts = StackArtifacts.fromBuild();
        ElasticsearchUsers users = ElasticsearchUsers.ensure(workDir.resolve("credentials"));
        for (int attempt = 1; ; attempt++) {
            try {
                return ElasticsearchNode.start(new ElasticsearchNode.Options(artifacts.elasticsearchDistribution(),
                        artifacts.analysisPlugin(), LocalStack.defaultCacheDir(), workDir, FreePorts.next(),
                        384, JdkLocator.locate(), artifacts.namesFile(), artifacts.elasticsearchRoles(), users,
                        new ElasticsearchNode.HttpTls(certificates.serverChainPem(), certificates.serverKeyPem(),
                                certificates.authorityPem())));
            } catch (PortInUseException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void stop() {
        if (node != null) {
            node.stop();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        try {
            deleteRecursively(workDir);
            deleteRecursively(certificatesDir);
        } catch (IOException e) {
            // the folder stays under target/ for inspection
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
