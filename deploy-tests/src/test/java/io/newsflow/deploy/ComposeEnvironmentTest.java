package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.newsflow.deploy.ComposeServiceGraphTest.NEWSFLOW_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment docker-compose.yml gives the three services must configure them: every variable has to map
 * (SmallRye rules: {@code KAFKA_BOOTSTRAP_SERVERS} → {@code kafka.bootstrap.servers}) to a key the service knows.
 * A variable nobody reads would be silently ignored, and the service would run on its defaults.
 */
class ComposeEnvironmentTest {
    /**
     * Extension properties a service may be given without a line in its application.properties, each with the
     * dependency that brings the extension. Kept small: the Elasticsearch credentials (secrets have no place in
     * application.properties). {@link #allowedExtensionKeysExistInTheExtensionsConfigurationModel} checks each key
     * against the configuration model the Quarkus extension publishes.
     */
    static final Map<String, String> EXTENSION_KEYS = Map.of(
            "quarkus.elasticsearch.username", "quarkus-elasticsearch-java-client",
            "quarkus.elasticsearch.password", "quarkus-elasticsearch-java-client");

    private final Compose compose = Compose.load();

    @Test
    void everyVariableAServiceIsGivenMapsToAKeyOfItsConfiguration() {
        for (String service : NEWSFLOW_SERVICES) {
            Set<String> known = new TreeSet<>(QuarkusConfig.keys(service));
            String pom = Repo.read(service + "/pom.xml");
            EXTENSION_KEYS.forEach((key, dependency) -> {
                if (pom.contains("<artifactId>" + dependency + "</artifactId>")) {
                    known.add(key);
                }
            });
            assertThat(compose.environment(service).keySet()).as("environment of %s", service)
                    .isSubsetOf(QuarkusConfig.environmentVariables(known));
        }
    }

    @Test
    void configMappingKeysAreFound() {
        // guards the source reading above: a broken parser would make every newsflow.* variable look unknown
        assertThat(QuarkusConfig.configMappingKeys("search-service")).contains("newsflow.search.alias", "newsflow.search.max-retry-backoff");
        assertThat(QuarkusConfig.configMappingKeys("enrich-service")).contains("newsflow.enrich.pipeline-version");
        assertThat(QuarkusConfig.configMappingKeys("ingest-service")).contains("newsflow.ingest.inbox", "newsflow.ingest.publish-timeout");
        assertThat(QuarkusConfig.environmentVariable("newsflow.ingest.min-file-age")).isEqualTo("NEWSFLOW_INGEST_MIN_FILE_AGE");
    }

    @Test
    void allowedExtensionKeysExistInTheExtensionsConfigurationModel() {
        assertThat(ExtensionConfig.publishedKeys()).contains("quarkus.elasticsearch.hosts")
                .containsAll(EXTENSION_KEYS.keySet());
    }

    @Test
    void servicesReachKafkaAndElasticsearchByTheirServiceNames() {
        for (String service : NEWSFLOW_SERVICES) {
            assertThat(compose.environment(service)).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
        assertThat(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
        assertThat(compose.environment("search-service")).containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", "elasticsearch:9200");
        assertThat(compose.environment("topic-init")).containsEntry("BOOTSTRAP_SERVERS", "kafka:9092");
    }

    @Test
    void searchServiceLogsInAsTheUserEsSetupCreates() {
        Map<String, String> search = compose.environment("search-service");
        Map<String, String> setup = compose.environment("es-setup");
        assertThat(search.get("QUARKUS_ELASTICSEARCH_USERNAME")).isEqualTo(setup.get("NEWSFLOW_ES_USERNAME")).isNotBlank();
        assertThat(search.get("QUARKUS_ELASTICSEARCH_PASSWORD")).isEqualTo(setup.get("NEWSFLOW_ES_PASSWORD"))
                .startsWith("${NEWSFLOW_ES_PASSWORD:?");
        assertThat(compose.environment("kibana").get("ELASTICSEARCH_PASSWORD")).isEqualTo(setup.get("KIBANA_PASSWORD"));
    }

    @Test
    void passwordsComeFromTheEnvironmentFileAndHaveNoDefault() {
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((name, value) -> {
                if (name.contains("PASSWORD")) {
                    assertThat(value).as("%s of %s", name, service).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            });
        }
        assertThat(Repo.read(".gitignore").lines()).as(".env is never committed").contains(".env");
        DotEnv.example().forEach((name, value) -> {
            if (name.contains("PASSWORD")) {
                assertThat(value).as("%s in .env.example is a placeholder", name).startsWith("change-me");
            }
        });
    }

    @Test
    void everyVariableOfTheComposeFileIsDocumentedInEnvExample() {
        assertThat(DotEnv.example().keySet()).containsExactlyInAnyOrderElementsOf(compose.variables());
    }

    @Test
    void theDeploymentDocsListTheEnvironmentOfTheServicesAndTheComposeSettings() {
        String docs = Repo.read("docs/deployment.md") + Repo.read("docs/operations.md");
        Set<String> names = new TreeSet<>(DotEnv.example().keySet());
        NEWSFLOW_SERVICES.forEach(service -> names.addAll(compose.environment(service).keySet()));
        assertThat(names.stream().filter(name -> !docs.contains("`" + name + "`")).toList())
                .as("variables docs/deployment.md and docs/operations.md do not mention (as `NAME`)").isEmpty();
    }
}
