package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.newsflow.deploy.ComposeServiceGraphTest.NEWSFLOW_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/** What docker-compose.yml publishes on the host and where data lives. */
class ComposePortsAndVolumesTest {
    private final Compose compose = Compose.load();
    private final Map<String, String> variables = DotEnv.example();

    @Test
    void newsflowServicesPublishThePortTheirConfigurationListensOn() {
        for (String service : NEWSFLOW_SERVICES) {
            int port = Integer.parseInt(QuarkusConfig.applicationProperties(service).getProperty("quarkus.http.port"));
            assertThat(compose.ports(service, variables)).as("%s ports", service)
                    .extracting(Compose.Port::containerPort).containsExactly(port);
            Map<String, Object> args = Compose.map(compose.build(service).get("args"), service + ".build.args");
            assertThat(args.get("MODULE")).as("%s is built from its module", service).isEqualTo(service);
            assertThat(String.valueOf(args.get("HTTP_PORT"))).as("%s exposed port", service).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void hostPortsAreDistinctAndMatchTheLocalStackDefaults() {
        List<String> hostPorts = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            compose.ports(service, variables).forEach(p -> hostPorts.add(p.hostPort()));
        }
        assertThat(hostPorts).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("9092", "9200", "5601", "8081", "8082", "8080");
        // with nothing set, the same defaults as with .env.example
        assertThat(compose.ports("search-service", Map.of())).extracting(Compose.Port::hostPort).containsExactly("8080");
    }

    @Test
    void unauthenticatedEndpointsAreReachableFromThisHostOnly() {
        for (String service : List.of("kafka", "elasticsearch", "ingest-service", "enrich-service")) {
            assertThat(compose.ports(service, variables)).as("%s ports", service)
                    .extracting(Compose.Port::hostIp).containsOnly("127.0.0.1");
        }
    }

    @Test
    void kafkaAdvertisesTheHostPortItPublishes() {
        Compose.Port external = compose.ports("kafka", variables).get(0);
        String advertised = Compose.interpolate(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"), variables);
        assertThat(advertised).contains("PLAINTEXT://kafka:9092", "EXTERNAL://localhost:" + external.hostPort());
        assertThat(compose.environment("kafka").get("KAFKA_LISTENERS")).contains("EXTERNAL://:" + external.containerPort());
    }

    @Test
    void kafkaAndElasticsearchKeepTheirDataInNamedVolumes() {
        assertThat(compose.declaredVolumes()).containsExactlyInAnyOrder("kafka-data", "es-data");
        assertThat(compose.volumes("kafka")).containsExactly(
                new Compose.Mount("kafka-data", compose.environment("kafka").get("KAFKA_LOG_DIRS"), true));
        assertThat(compose.volumes("elasticsearch")).filteredOn(Compose.Mount::named).containsExactly(
                new Compose.Mount("es-data", "/usr/share/elasticsearch/data", true));
    }

    @Test
    void enrichmentAndIndexAnalyzerReadTheSameNamesDictionaryReadOnly() {
        String names = "./config/names.txt";
        // where the es-analysis-plugin reads it: <ES config>/<plugin name>/names.txt
        assertThat(compose.volumes("elasticsearch")).contains(
                new Compose.Mount(names, "/usr/share/elasticsearch/config/newsflow-analysis/names.txt", false));
        assertThat(compose.volumes("enrich-service")).containsExactly(
                new Compose.Mount(names, "/deployments/config/names.txt", false));
        assertThat(compose.environment("enrich-service"))
                .containsEntry("NEWSFLOW_ENRICH_NAMES_FILE", "/deployments/config/names.txt");
        assertThat(QuarkusConfig.configMappingKeys("enrich-service")).contains("newsflow.enrich.names-file");
        for (String service : List.of("elasticsearch", "enrich-service")) {
            assertThat((List<?>) compose.service(service).get("volumes"))
                    .as("%s mounts the names file read-only", service)
                    .filteredOn(spec -> String.valueOf(spec).startsWith(names + ":"))
                    .singleElement().asString().endsWith(":ro");
        }
        assertThat(Repo.read("es-analysis-plugin/pom.xml"))
                .as("the plugin folder name the mount targets").contains("<es.plugin.name>newsflow-analysis</es.plugin.name>");
    }

    @Test
    void everyNamedVolumeInUseIsDeclared() {
        Set<String> used = new TreeSet<>();
        for (String service : compose.serviceNames()) {
            compose.volumes(service).stream().filter(Compose.Mount::named).forEach(m -> used.add(m.source()));
        }
        assertThat(used).isEqualTo(compose.declaredVolumes());
    }

    @Test
    void ingestServiceWorksInABindMountedHostFolderHoldingTheInbox() {
        List<Compose.Mount> mounts = compose.volumes("ingest-service");
        assertThat(mounts).hasSize(1);
        Compose.Mount data = mounts.get(0);
        assertThat(data.named()).as("a host folder, not a volume").isFalse();
        // inbox, processing and archive in one mount: the claim is a rename, atomic only within one file system
        assertThat(compose.environment("ingest-service")).containsEntry("NEWSFLOW_HOME", data.target());
        assertThat(QuarkusConfig.applicationProperties("ingest-service").getProperty("newsflow.ingest.inbox"))
                .isEqualTo("${newsflow.home}/inbox");
        assertThat(compose.service("ingest-service").get("user")).as("runs as the folder's owner")
                .isEqualTo("${NEWSFLOW_UID:-1000}:${NEWSFLOW_GID:-1000}");
    }

    @Test
    void mountedScriptsAndFoldersExistInTheRepository() {
        for (String service : compose.serviceNames()) {
            for (Compose.Mount mount : compose.volumes(service)) {
                if (mount.source().startsWith("./") && !service.equals("ingest-service")) {
                    assertThat(Files.exists(Repo.path(mount.source()))).as("%s mounts %s", service, mount.source()).isTrue();
                }
            }
        }
    }
}
