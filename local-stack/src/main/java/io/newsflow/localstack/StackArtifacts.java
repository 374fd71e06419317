package io.newsflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the stack's artifacts are on this machine, as the build of this module resolved them
 * ({@code artifacts.properties} and {@code kafka.classpath} are written by Maven).
 *
 * <p>{@code namesFile} is the repository's {@code config/names.txt} (the names dictionary shared by the
 * enrichment and the index analyzer); it may be absent, and then the node keeps the plugin's own copy.
 * {@code elasticsearchRoles} is the repository's {@code config/elasticsearch/roles.yml}, the roles of the node's users.
 */
public record StackArtifacts(Path elasticsearchDistribution, Path analysisPlugin, List<Path> kafkaClasspath, Path namesFile,
                             Path elasticsearchRoles) {

    public static StackArtifacts fromBuild() {
        Properties props = new Properties();
        try (InputStream in = resource("artifacts.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath;
        try (InputStream in = resource("kafka.classpath")) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackArtifacts artifacts = new StackArtifacts(
                Path.of(props.getProperty("elasticsearch.distribution")),
                Path.of(props.getProperty("analysis.plugin")),
                Arrays.stream(classpath.split(":")).filter(s -> !s.isBlank()).map(Path::of).toList(),
                Path.of(props.getProperty("names.file")).toAbsolutePath().normalize(),
                Path.of(props.getProperty("roles.file")).toAbsolutePath().normalize());
        artifacts.check();
        return artifacts;
    }

    private void check() {
        for (Path path : List.of(elasticsearchDistribution, analysisPlugin, elasticsearchRoles)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("local-stack artifact missing: " + path
                        + " (build the project first: ./mvnw -DskipTests package)");
            }
        }
        kafkaClasspath.stream().filter(p -> !Files.exists(p)).findFirst().ifPresent(p -> {
            throw new IllegalStateException("Kafka jar missing: " + p + " (build the project first: ./mvnw -DskipTests package)");
        });
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StackArtifacts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " missing: local-stack was not built by Maven");
        }
        return in;
    }
}
