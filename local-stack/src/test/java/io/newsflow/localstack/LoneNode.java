package io.newsflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Elasticsearch node of its own for one test class: the build's distribution with the analysis plugin, in a
 * temporary work folder, on a free port. {@link #close()} stops it and deletes the folder; a shutdown hook stops it
 * if the JVM is killed mid-test, so no 500 MB node is left behind.
 */
final class LoneNode implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path workDir;
    private final ElasticsearchNode node;
    private final Thread killOnExit;

    private LoneNode(Path workDir, ElasticsearchNode node) {
        this.workDir = workDir;
        this.node = node;
        this.killOnExit = new Thread(node::stop, "stop-elasticsearch");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * @param folderPrefix name prefix of the temporary work folder
     * @param namesFile    a names dictionary for the node to copy in, or null
     */
    static LoneNode start(String folderPrefix, Path namesFile) throws IOException, InterruptedException {
        StackArtifacts artifacts = StackArtifacts.fromBuild();
        Path workDir = Files.createTempDirectory(folderPrefix);
        Path cacheDir = Path.of(System.getProperty("newsflow.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "newsflow").toString()));
        // this JVM's own JDK when it is new enough (Maven's, here), else an explicit one
        Path javaHome = Path.of(System.getProperty("newsflow.es.java.home", System.getProperty("java.home")));
        ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Options(
                artifacts.elasticsearchDistribution(), artifacts.analysisPlugin(),
                cacheDir, workDir, FreePorts.next(), 384, javaHome, namesFile, artifacts.elasticsearchRoles(),
                ElasticsearchUsers.ensure(workDir.resolve("credentials"))));
        return new LoneNode(workDir, node);
    }

    Path workDir() {
        return workDir;
    }

    long pid() {
        return node.pid();
    }

    /** A request to the node as its admin user; {@code json} null for none. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = node.request(path)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #send}, asserting a 2xx answer, which is returned as JSON. */
    JsonNode ok(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, json);
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws IOException {
        node.stop();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        FileTrees.deleteRecursively(workDir);
    }
}
