package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsflow.deploy.ComposeServiceGraphTest.NEWSFLOW_SERVICES;
import static io.newsflow.deploy.ComposeServiceGraphTest.ONE_SHOT_JOBS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every container of docker-compose.yml may use and how it ends: a memory limit the JVM's (or Node's) heap
 * fits in, a rotated log, time to stop cleanly, and base images pinned to a version.
 */
class ComposeResourcesTest {
    /**
     * The services' JVM memory beside the heap: local-stack measured metaspace, code cache, symbols and malloc of
     * search-service at about 170 MB (NewsflowSystem#heapMb). A container limit must leave at least that.
     */
    private static final long JVM_NON_HEAP_MB = 170;
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg])b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION_TAG = Pattern.compile(":(\\d+\\.\\d+[\\w.-]*)$");

    private final Compose compose = Compose.load();
    private final List<Map<String, String>> settings = List.of(DotEnv.example(), Map.of());

    @Test
    void everyContainerHasAMemoryLimit() {
        for (String service : compose.serviceNames()) {
            for (Map<String, String> variables : settings) {
                assertThat(memoryLimitMb(service, variables)).as("mem_limit of %s", service).isPositive();
            }
        }
    }

    @Test
    void elasticsearchAndKafkaHeapsLeaveHalfTheirMemoryToTheFileSystemCache() {
        for (Map<String, String> variables : settings) {
            String esOptions = Compose.interpolate(compose.environment("elasticsearch").get("ES_JAVA_OPTS"), variables);
            assertThat(flag(esOptions, "-Xms")).as("fixed heap").isEqualTo(flag(esOptions, "-Xmx"));
            assertThat(2 * flag(esOptions, "-Xmx")).as("Elasticsearch heap x 2 within %s", variables)
                    .isLessThanOrEqualTo(memoryLimitMb("elasticsearch", variables));
        }
        String kafkaOptions = compose.environment("kafka").get("KAFKA_HEAP_OPTS");
        assertThat(2 * flag(kafkaOptions, "-Xmx")).isLessThanOrEqualTo(memoryLimitMb("kafka", Map.of()));
    }

    @Test
    void serviceHeapsFollowTheirLimitAndLeaveRoomForTheJvm() {
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(Repo.read("docker/service/Dockerfile"));
        assertThat(percentage.find()).as("the service image sizes the heap from the container's limit").isTrue();
        int percent = Integer.parseInt(percentage.group(1));
        String localStack = Repo.read("local-stack/src/main/java/io/newsflow/localstack/NewsflowSystem.java");
        for (String service : NEWSFLOW_SERVICES) {
            long limit = memoryLimitMb(service, Map.of());
            long heap = limit * percent / 100;
            assertThat(limit - heap).as("%s: memory beside a %d MB heap", service, heap).isGreaterThanOrEqualTo(JVM_NON_HEAP_MB);
            assertThat(heap).as("%s heap, at least what the local stack gives it", service).isGreaterThanOrEqualTo(localHeapMb(localStack, service));
            assertThat(compose.environment(service)).as("%s: the image's JAVA_OPTS stay in force", service).doesNotContainKey("JAVA_OPTS");
        }
        assertThat(Repo.read("docker/service/Dockerfile")).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void kibanasHeapFitsItsLimit() {
        long oldSpace = Long.parseLong(compose.environment("kibana").get("NODE_OPTIONS").replaceFirst("^--max-old-space-size=(\\d+)$", "$1"));
        assertThat(oldSpace * 4).isLessThanOrEqualTo(memoryLimitMb("kibana", Map.of()) * 3);
    }

    @Test
    void everyContainerRotatesItsLog() {
        for (String service : compose.serviceNames()) {
            Map<String, Object> logging = Compose.map(compose.attribute(service, "logging"), service + ".logging");
            assertThat(logging).as("%s logging", service).containsEntry("driver", "json-file");
            Map<String, Object> options = Compose.map(logging.get("options"), service + ".logging.options");
            assertThat(String.valueOf(options.get("max-size"))).as("%s max-size", service).matches("\\d+[km]");
            assertThat(Integer.parseInt(String.valueOf(options.get("max-file")))).as("%s max-file", service).isBetween(2, 20);
        }
    }

    @Test
    void longRunningContainersHaveTimeToStopCleanly() {
        for (String service : compose.serviceNames()) {
            if (ONE_SHOT_JOBS.contains(service)) {
                continue;
            }
            Object grace = compose.attribute(service, "stop_grace_period");
            assertThat(grace).as("%s stop_grace_period (Docker's default is 10 s, then SIGKILL)", service).isNotNull();
            Duration period = duration(String.valueOf(grace));
            assertThat(period).as(service).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            if (service.equals("kafka") || service.equals("elasticsearch")) {
                assertThat(period).as("%s flushes its logs or shards on the way down", service).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        for (String service : compose.serviceNames()) {
            Object image = compose.attribute(service, "image");
            if (image != null) {
                assertThat(String.valueOf(image)).as("%s image", service).containsPattern(VERSION_TAG).doesNotContain("latest");
            }
        }
        for (String dockerfile : List.of("docker/service/Dockerfile", "docker/elasticsearch/Dockerfile")) {
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Repo.read(dockerfile));
            while (from.find()) {
                assertThat(from.group(1)).as("%s base image", dockerfile).containsPattern(VERSION_TAG).doesNotContain("latest");
            }
        }
    }

    @Test
    void theTestsParseWhatTheyCheck() {
        assertThat(megabytes("512m")).isEqualTo(512);
        assertThat(megabytes("2g")).isEqualTo(2048);
        assertThat(flag("-Xms1g -Xmx1g", "-Xmx")).isEqualTo(1024);
        assertThat(duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(duration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat("eclipse-temurin:21-jre").doesNotContainPattern(VERSION_TAG);
        assertThat("caddy:latest").doesNotContainPattern(VERSION_TAG);
        assertThat("alpine:3.22.2").containsPattern(VERSION_TAG);
    }

    private long memoryLimitMb(String service, Map<String, String> variables) {
        Object limit = compose.attribute(service, "mem_limit");
        assertThat(limit).as("%s mem_limit", service).isNotNull();
        return megabytes(Compose.interpolate(String.valueOf(limit), variables));
    }

    /** The heap local-stack gives the service ({@code case "name" -> MB;} or the {@code default}). */
    private static long localHeapMb(String source, String service) {
        Matcher own = Pattern.compile("case \"" + Pattern.quote(service) + "\" -> (\\d+);").matcher(source);
        if (own.find()) {
            return Long.parseLong(own.group(1));
        }
        Matcher fallback = Pattern.compile("default -> (\\d+);").matcher(source);
        assertThat(fallback.find()).as("local-stack's heap of %s", service).isTrue();
        return Long.parseLong(fallback.group(1));
    }

    private static long flag(String options, String flag) {
        Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\S+)").matcher(options);
        assertThat(m.find()).as("%s in %s", flag, options).isTrue();
        return megabytes(m.group(1));
    }

    static long megabytes(String size) {
        Matcher m = SIZE.matcher(size.strip());
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n / 1024;
            case "m" -> n;
            default -> n * 1024;
        };
    }

    static Duration duration(String text) {
        Matcher m = Pattern.compile("(\\d+)([hms])").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        assertThat(end).as("a duration: %s", text).isEqualTo(text.length());
        return total;
    }
}
