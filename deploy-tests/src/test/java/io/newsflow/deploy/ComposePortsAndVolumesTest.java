package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.newsflow.deploy.ComposeServiceGraphTest.NEWSFLOW_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/** What docker-compose.yml publishes on the host, which networks the containers share, and where data lives. */
class ComposePortsAndVolumesTest {
    static final String PROXY = "proxy";

    private final Compose compose = Compose.load();
    private final Map<String, String> variables = DotEnv.example();

    @Test
    void onlyTheTlsProxyPublishesPorts() {
        for (String service : compose.serviceNames()) {
            if (!service.equals(PROXY)) {
                assertThat(compose.ports(service, variables)).as("%s publishes nothing: the proxy is the way in", service).isEmpty();
            }
        }
        // HTTPS for the search API (and uploads) and for Kibana, on all interfaces: that is what users need
        assertThat(compose.ports(PROXY, variables)).containsExactlyInAnyOrder(
                new Compose.Port("", "8443", 8443), new Compose.Port("", "5601", 5601));
        // with nothing set, the same defaults as with .env.example
        assertThat(compose.ports(PROXY, Map.of())).isEqualTo(compose.ports(PROXY, variables));
    }

    @Test
    void everythingButTheProxyIsOnTheInternalNetworkOnly() {
        assertThat(compose.declaredNetworks()).containsOnlyKeys("backend", "edge", "webhooks");
        assertThat(Compose.map(compose.declaredNetworks().get("backend"), "networks.backend"))
                .as("no route to or from outside").containsEntry("internal", true);
        for (String service : compose.serviceNames()) {
            if (service.equals(PROXY)) {
                assertThat(compose.networks(service)).containsExactlyInAnyOrder("backend", "edge");
            } else if (service.equals("search-service")) {
                // saved searches post to webhook receivers outside; nothing comes in that way (no ports)
                assertThat(compose.networks(service)).containsExactlyInAnyOrder("backend", "webhooks");
            } else if (service.equals("secrets-check")) {
                assertThat(compose.attribute(service, "network_mode")).as("it reads files only").isEqualTo("none");
            } else {
                assertThat(compose.networks(service)).as("%s networks", service).containsExactly("backend");
            }
        }
    }

    @Test
    void newsflowServicesListenOnThePortOfTheirConfiguration() {
        for (String service : NEWSFLOW_SERVICES) {
            int port = Integer.parseInt(QuarkusConfig.applicationProperties(service).getProperty("quarkus.http.port"));
            Map<String, Object> args = Compose.map(compose.build(service).get("args"), service + ".build.args");
            assertThat(args.get("MODULE")).as("%s is built from its module", service).isEqualTo(service);
            assertThat(String.valueOf(args.get("HTTP_PORT"))).as("%s exposed port", service).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void kafkaListensOnTheInternalNetworkOnly() {
        Map<String, String> kafka = compose.environment("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(kafka.get("KAFKA_LISTENERS")).doesNotContain("EXTERNAL");
    }

    @Test
    void kafkaElasticsearchAndTheProxyKeepTheirDataInNamedVolumes() {
        assertThat(compose.declaredVolumes()).containsExactlyInAnyOrder("kafka-data", "es-data", "caddy-data", "service-users");
        assertThat(compose.volumes("kafka")).containsExactly(
                new Compose.Mount("kafka-data", compose.environment("kafka").get("KAFKA_LOG_DIRS"), true));
        assertThat(compose.volumes("elasticsearch")).filteredOn(Compose.Mount::named).containsExactly(
                new Compose.Mount("es-data", "/usr/share/elasticsearch/data", true));
        // the internal CA clients trust: a new one at every start would break that trust
        assertThat(compose.volumes(PROXY)).contains(new Compose.Mount("caddy-data", "/data", true));
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
        List<Compose.Mount> folders = compose.volumes("ingest-service").stream().filter(m -> !m.named()).toList();
        assertThat(folders).hasSize(1);
        Compose.Mount data = folders.get(0);
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
                if (mount.source().startsWith("./")) {
                    assertThat(Files.exists(Repo.path(mount.source()))).as("%s mounts %s", service, mount.source()).isTrue();
                }
            }
        }
    }
}
