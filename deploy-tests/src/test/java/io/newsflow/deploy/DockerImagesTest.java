package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsflow.deploy.ComposeServiceGraphTest.NEWSFLOW_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/** The images docker-compose.yml builds and pulls: versions in step with the build, and only build output copied. */
class DockerImagesTest {
    private static final String SERVICE_DOCKERFILE = "docker/service/Dockerfile";
    private static final String ELASTICSEARCH_DOCKERFILE = "docker/elasticsearch/Dockerfile";
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+\\s*$");

    private final Compose compose = Compose.load();

    @Test
    void elasticsearchImageIsTheVersionThePluginIsBuiltFor() {
        String version = Repo.pomProperty("elasticsearch.version");
        assertThat(Repo.read(ELASTICSEARCH_DOCKERFILE)).contains("FROM docker.elastic.co/elasticsearch/elasticsearch:" + version + "\n");
        assertThat(compose.service("es-setup").get("image")).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + version);
        assertThat(compose.service("kibana").get("image")).isEqualTo("docker.elastic.co/kibana/kibana:" + version);
        assertThat(compose.service("kibana-setup").get("image")).isEqualTo("docker.elastic.co/kibana/kibana:" + version);
    }

    @Test
    void elasticsearchImageInstallsThePluginZipTheBuildProduces() {
        String zip = "es-analysis-plugin/target/es-analysis-plugin-" + Repo.projectVersion() + ".zip";
        String dockerfile = Repo.read(ELASTICSEARCH_DOCKERFILE);
        assertThat(copySources(dockerfile)).containsExactly(zip);
        assertThat(dockerfile).contains("bin/elasticsearch-plugin install --batch file:///tmp/newsflow-analysis.zip");
        assertThat(compose.build("elasticsearch")).containsEntry("context", ".").containsEntry("dockerfile", ELASTICSEARCH_DOCKERFILE);
    }

    @Test
    void kafkaImageIsTheOfficialImageOfTheKafkaVersionTheBuildUses() {
        assertThat(compose.service("kafka").get("image")).isEqualTo("apache/kafka:" + Repo.pomProperty("kafka.version"));
    }

    @Test
    void serviceImageRunsTheQuarkusFastJarAsANonRootUser() {
        String dockerfile = Repo.read(SERVICE_DOCKERFILE);
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:" + Repo.pomProperty("maven.compiler.release")
                + "\\.\\d+\\.\\d+_\\d+-jre$");
        assertThat(copySources(dockerfile)).containsExactly("${MODULE}/target/quarkus-app/lib/",
                "${MODULE}/target/quarkus-app/quarkus-run.jar", "${MODULE}/target/quarkus-app/app/",
                "${MODULE}/target/quarkus-app/quarkus/", "docker/env-from-files.sh");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).as("a USER instruction").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0", "0:0");
        assertThat(dockerfile).contains("-jar /deployments/quarkus-run.jar");
    }

    @Test
    void everyServiceIsBuiltFromAQuarkusModuleWithTheSharedDockerfile() {
        for (String service : NEWSFLOW_SERVICES) {
            Map<String, Object> build = compose.build(service);
            assertThat(build).as(service).containsEntry("context", ".").containsEntry("dockerfile", SERVICE_DOCKERFILE);
            assertThat(Repo.read(service + "/pom.xml")).as("%s is a Quarkus application", service).contains("quarkus-maven-plugin");
        }
    }

    @Test
    void dockerignoreSendsWhatTheDockerfilesCopy() {
        List<String> copied = new ArrayList<>(copySources(Repo.read(ELASTICSEARCH_DOCKERFILE)));
        for (String service : NEWSFLOW_SERVICES) {
            copySources(Repo.read(SERVICE_DOCKERFILE)).forEach(source -> copied.add(source.replace("${MODULE}", service)));
        }
        assertThat(copied).contains("docker/env-from-files.sh");
        List<String> lines = Repo.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).as("everything else stays out (newsflow-data/, .git/, sources)").isEqualTo("*");
        for (String source : copied) {
            assertThat(lines.stream().filter(l -> l.startsWith("!")).anyMatch(l -> includes(l.substring(1), source)))
                    .as(".dockerignore lets %s through", source).isTrue();
        }
    }

    @Test
    void dockerfilesExist() {
        assertThat(Files.isRegularFile(Repo.path(SERVICE_DOCKERFILE))).isTrue();
        assertThat(Files.isRegularFile(Repo.path(ELASTICSEARCH_DOCKERFILE))).isTrue();
    }

    private static List<String> copySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher m = COPY.matcher(dockerfile);
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }

    /** A .dockerignore exception matches the path itself, or a folder above it when it ends with '/'. */
    private static boolean includes(String pattern, String path) {
        String trimmed = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (pattern.endsWith("/") && path.startsWith(trimmed + "/")) {
            return true;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + trimmed);
        return glob.matches(Path.of(path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
    }
}
