package io.newsflow.deploy;

import io.newsflow.model.Topics;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** topic-init creates the topics the services use, with explicit partitions and policies. */
class TopicInitTest {
    private static final String SCRIPT = "docker/kafka/create-topics.sh";
    private static final Pattern CREATE = Pattern.compile("(?m)^create (\\S+)(.*)$");

    private final Compose compose = Compose.load();

    @Test
    void runsTheScriptWithTheKafkaImagesTool() {
        assertThat(compose.service("topic-init").get("image")).isEqualTo(compose.service("kafka").get("image"));
        assertThat(compose.volumes("topic-init")).contains(new Compose.Mount("./" + SCRIPT, "/newsflow/create-topics.sh", false));
        assertThat(compose.service("topic-init").get("command")).isEqualTo(List.of("sh", "/newsflow/create-topics.sh"));
        assertThat(Repo.read(SCRIPT)).contains("/opt/kafka/bin/kafka-topics.sh", "--create --if-not-exists");
    }

    @Test
    void createsEveryTopicOfTheArticleModel() {
        assertThat(createdTopics().keySet())
                .containsExactlyInAnyOrder(Topics.PAGES, Topics.PAGES_DLQ, Topics.ARTICLES, Topics.ARTICLES_DLQ, Topics.SAVED_SEARCHES);
    }

    @Test
    void compactsOnlyTheTopicsKeyedByWhatTheyHold() {
        createdTopics().forEach((topic, options) -> {
            if (topic.equals(Topics.ARTICLES) || topic.equals(Topics.SAVED_SEARCHES)) {
                assertThat(options).as(topic).contains("--config cleanup.policy=compact");
            } else {
                assertThat(options).as(topic).doesNotContain("cleanup.policy");
            }
        });
    }

    @Test
    void pageTopicsAcceptTheLargestPage() {
        assertThat(createdTopics().get(Topics.PAGES)).contains("max.message.bytes=" + Topics.PAGE_RECORD_MAX_BYTES);
        assertThat(createdTopics().get(Topics.PAGES_DLQ)).contains("max.message.bytes=" + Topics.PAGE_RECORD_MAX_BYTES);
    }

    @Test
    void theServicesAreConfiguredWithTheTopicsOfTheArticleModel() {
        assertThat(topicsOf("ingest-service")).containsExactly(Map.entry("mp.messaging.outgoing.pages.topic", Topics.PAGES));
        assertThat(topicsOf("enrich-service")).containsOnly(
                Map.entry("mp.messaging.incoming.pages.topic", Topics.PAGES),
                Map.entry("mp.messaging.incoming.pages.dead-letter-queue.topic", Topics.PAGES_DLQ),
                Map.entry("mp.messaging.outgoing.articles.topic", Topics.ARTICLES));
        assertThat(topicsOf("search-service")).containsOnly(
                Map.entry("mp.messaging.incoming.articles.topic", Topics.ARTICLES),
                Map.entry("mp.messaging.incoming.articles.dead-letter-queue.topic", Topics.ARTICLES_DLQ),
                Map.entry("mp.messaging.outgoing.articles-dlq.topic", Topics.ARTICLES_DLQ),
                Map.entry("mp.messaging.outgoing.saved-searches.topic", Topics.SAVED_SEARCHES),
                Map.entry("newsflow.search.web.pages-dlq.topic", Topics.PAGES_DLQ));
    }

    @Test
    void startsWithThreePartitionsAndOneReplica() {
        Map<String, String> env = compose.environment("topic-init");
        assertThat(Compose.interpolate(env.get("NEWSFLOW_PARTITIONS"), Map.of())).isEqualTo("3");
        assertThat(Compose.interpolate(env.get("NEWSFLOW_REPLICATION_FACTOR"), Map.of())).isEqualTo("1");
        assertThat(DotEnv.example()).containsEntry("NEWSFLOW_PARTITIONS", "3").containsEntry("NEWSFLOW_REPLICATION_FACTOR", "1");
        assertThat(Repo.read(SCRIPT)).contains("--partitions \"$PARTITIONS\" --replication-factor \"$REPLICATION\"");
    }

    @Test
    void brokerCreatesNoTopicImplicitly() {
        assertThat(compose.environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    /** The topic properties of a service's application.properties (every profile). */
    private static Map<String, String> topicsOf(String module) {
        Map<String, String> topics = new LinkedHashMap<>();
        java.util.Properties properties = QuarkusConfig.applicationProperties(module);
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            if (key.endsWith(".topic")) {
                topics.put(key, properties.getProperty(key));
            }
        }
        return topics;
    }

    /** Topic → the options after its name, from the script's {@code create <topic> …} lines. */
    private static Map<String, String> createdTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher m = CREATE.matcher(Repo.read(SCRIPT));
        while (m.find()) {
            topics.put(m.group(1), m.group(2).strip());
        }
        return topics;
    }
}
