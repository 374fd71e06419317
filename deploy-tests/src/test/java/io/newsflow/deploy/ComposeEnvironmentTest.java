package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * dependency that brings the extension ({@value #QUARKUS_CORE}: every Quarkus application). Kept small: the
     * Elasticsearch credentials (secrets have no place in application.properties) and the extra configuration files
     * holding the users. {@link #allowedExtensionKeysExistInTheExtensionsConfigurationModel} checks each key against
     * the configuration model the Quarkus extension publishes.
     */
    static final Map<String, String> EXTENSION_KEYS = Map.of(
            "quarkus.elasticsearch.username", "quarkus-elasticsearch-java-client",
            "quarkus.elasticsearch.password", "quarkus-elasticsearch-java-client",
            "quarkus.config.locations", ComposeEnvironmentTest.QUARKUS_CORE);
    static final String QUARKUS_CORE = "quarkus-core";
    /** Where Compose mounts a service's secrets, and the suffix docker/env-from-files.sh resolves for them. */
    static final String SECRETS = "/run/secrets/";
    static final String FILE_SUFFIX = "_FILE";

    private final Compose compose = Compose.load();

    @Test
    void everyVariableAServiceIsGivenMapsToAKeyOfItsConfiguration() {
        for (String service : NEWSFLOW_SERVICES) {
            Set<String> known = new TreeSet<>(QuarkusConfig.keys(service));
            String pom = Repo.read(service + "/pom.xml");
            EXTENSION_KEYS.forEach((key, dependency) -> {
                boolean present = dependency.equals(QUARKUS_CORE) ? pom.contains("<artifactId>quarkus-maven-plugin</artifactId>")
                        : pom.contains("<artifactId>" + dependency + "</artifactId>");
                if (present) {
                    known.add(key);
                }
            });
            // NAME_FILE reaches the JVM as NAME: the image's entrypoint reads the secret file (see below)
            List<String> effective = compose.environment(service).entrySet().stream()
                    .map(e -> isSecretFile(e.getKey(), e.getValue())
                            ? e.getKey().substring(0, e.getKey().length() - FILE_SUFFIX.length()) : e.getKey())
                    .toList();
            assertThat(effective).as("environment of %s", service).isSubsetOf(QuarkusConfig.environmentVariables(known));
        }
    }

    /** A variable docker/env-from-files.sh resolves: NAME_FILE naming a Compose secret. */
    static boolean isSecretFile(String name, String value) {
        return name.endsWith(FILE_SUFFIX) && value.startsWith(SECRETS);
    }

    @Test
    void fileVariablesNameMountedSecretsAndTheImagesResolveThem() {
        String dockerfile = Repo.read("docker/service/Dockerfile");
        assertThat(dockerfile).contains("COPY docker/env-from-files.sh /deployments/env-from-files.sh")
                .contains("ENTRYPOINT [\"sh\", \"/deployments/env-from-files.sh\"]");
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((name, value) -> {
                if (isSecretFile(name, value)) {
                    assertThat(compose.secrets(service)).as("%s mounts the secret %s names", service, name)
                            .contains(value.substring(SECRETS.length()));
                }
            });
        }
        // Elasticsearch and Kibana get their secrets through the same wrapper, mounted into the official images
        for (String service : List.of("elasticsearch", "kibana")) {
            assertThat(compose.attribute(service, "entrypoint")).as(service)
                    .isEqualTo(List.of("sh", "/newsflow/env-from-files.sh"));
            assertThat(compose.volumes(service)).as(service)
                    .contains(new Compose.Mount("./docker/env-from-files.sh", "/newsflow/env-from-files.sh", false));
            assertThat(compose.attribute(service, "init")).as("%s: a real init reaps the processes", service).isEqualTo(true);
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
    void searchServiceAsksIngestServiceAboutItsInboxByItsServiceNameAsTheReader() {
        Map<String, String> search = compose.environment("search-service");
        assertThat(compose.serviceNames()).contains("ingest-service");
        assertThat(search.get("NEWSFLOW_SEARCH_WEB_INGEST_URL")).isEqualTo("http://ingest-service:"
                + Compose.map(compose.build("ingest-service").get("args"), "ingest-service build args").get("HTTP_PORT"));
        // ingest's reading is protected: the reader's password, whose user secrets-check derives from that secret
        assertThat(compose.environment("ingest-service")).containsEntry("NEWSFLOW_SECURITY_READ_PROTECTED", "true");
        assertThat(search).containsEntry("NEWSFLOW_SEARCH_WEB_INGEST_USER", "reader")
                .containsEntry("NEWSFLOW_SEARCH_WEB_INGEST_PASSWORD_FILE", SECRETS + "newsflow_reader_password");
        assertThat(compose.secrets("search-service")).contains("newsflow_reader_password");
        assertThat(compose.secrets("secrets-check")).contains("newsflow_reader_password");
        // search-service reads no folder of ingest's: it mounts no data folder
        assertThat(compose.volumes("search-service")).noneMatch(mount -> mount.target().equals("/data"));
    }

    @Test
    void searchServiceAndKibanaLogInAsTheUsersEsSetupCreates() {
        Map<String, String> search = compose.environment("search-service");
        Map<String, String> setup = compose.environment("es-setup");
        assertThat(search.get("QUARKUS_ELASTICSEARCH_USERNAME")).isEqualTo(setup.get("NEWSFLOW_ES_USERNAME")).isNotBlank();
        assertThat(search.get("QUARKUS_ELASTICSEARCH_PASSWORD_FILE")).isEqualTo(SECRETS + "search_es_password");
        assertThat(compose.environment("kibana").get("ELASTICSEARCH_PASSWORD_FILE")).isEqualTo(SECRETS + "kibana_system_password");
        assertThat(compose.secrets("es-setup")).contains("search_es_password", "kibana_system_password", "elastic_password");
        String script = Repo.read("docker/elasticsearch/setup-users.sh");
        assertThat(script).contains("secret search_es_password", "secret kibana_system_password", "secret elastic_password",
                "/_security/user/$NEWSFLOW_ES_USERNAME", "/_security/user/kibana_system/_password");
    }

    @Test
    void ingestAndSearchServiceGetTheUsersSecretsCheckDerivesAndProtectReading() {
        for (String service : List.of("ingest-service", "search-service")) {
            Map<String, String> env = compose.environment(service);
            assertThat(env.get("QUARKUS_CONFIG_LOCATIONS")).as(service).isEqualTo(
                    "file:/users/" + service + "/users.properties,file:/users/" + service + "/roles.properties");
            assertThat(compose.volumes(service)).as(service).contains(new Compose.Mount("service-users", "/users", true));
            assertThat(env).as(service).containsEntry("NEWSFLOW_SECURITY_READ_PROTECTED", "true");
            assertThat(QuarkusConfig.propertiesKeys(service)).contains("newsflow.security.read-protected",
                    "quarkus.security.users.embedded.enabled");
            assertThat(QuarkusConfig.applicationProperties(service).getProperty("quarkus.security.users.embedded.realm-name"))
                    .as("the realm secrets-check hashes with").isEqualTo("newsflow");
        }
        assertThat(compose.volumes("secrets-check")).contains(new Compose.Mount("service-users", "/users", true));
        Map<String, String> check = compose.environment("secrets-check");
        assertThat(check).containsEntry("USERS_DIR", "/users");
        // each service's files belong to the user it runs as, mode 0400
        assertThat(check.get("INGEST_OWNER")).isEqualTo(compose.attribute("ingest-service", "user"));
        Matcher uid = Pattern.compile("useradd --system --uid (\\d+) --gid (\\d+)").matcher(Repo.read("docker/service/Dockerfile"));
        assertThat(uid.find()).isTrue();
        assertThat(check.get("SEARCH_OWNER")).isEqualTo(uid.group(1) + ":" + uid.group(2));
        assertThat(compose.attribute("search-service", "user")).as("search-service runs as the image's user").isNull();
        assertThat(Repo.read("docker/secrets/check-secrets.sh")).contains("write_users ingest-service", "write_users search-service",
                "REALM=newsflow");
    }

    @Test
    void noSecretIsInTheEnvironmentOrInEnvExample() {
        Pattern secretName = Pattern.compile("PASSWORD|ENCRYPTIONKEY|TOKEN|_KEY\\b");
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((name, value) -> {
                if (secretName.matcher(name).find()) {
                    assertThat(name).as("%s of %s is a file, not a value", name, service).endsWith(FILE_SUFFIX);
                    assertThat(value).as("%s of %s", name, service).startsWith(SECRETS);
                }
            });
        }
        assertThat(DotEnv.example().keySet()).as(".env.example holds settings, no secrets")
                .noneMatch(name -> secretName.matcher(name).find());
        assertThat(Repo.read(".gitignore").lines()).as(".env and the secret files are never committed").contains(".env", "/secrets/");
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
