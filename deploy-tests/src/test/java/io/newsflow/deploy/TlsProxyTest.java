package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS proxy (Caddy, {@code docker/proxy/Caddyfile}): HTTPS on the ports docker-compose.yml publishes, in front
 * of the services and Kibana at the ports they listen on. The Caddyfile is read here as text (its sites, their
 * {@code tls} and {@code reverse_proxy} lines); {@code caddy adapt} checks it fully (docs/deployment.md).
 */
class TlsProxyTest {
    private static final String CADDYFILE = "docker/proxy/Caddyfile";

    private final Compose compose = Compose.load();

    /**
     * Top-level blocks of the Caddyfile: address to body (the global options block has the address ""). A block
     * opens with '{' at the end of a line and closes with '}' alone on a line; {@code {$VAR}} placeholders inside a
     * line are no braces of the structure.
     */
    static Map<String, String> sites() {
        Map<String, String> sites = new LinkedHashMap<>();
        String address = null;
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (String raw : Repo.read(CADDYFILE).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (depth == 0) {
                assertThat(line).as("a top-level line of %s opens a block", CADDYFILE).endsWith("{");
                address = line.substring(0, line.length() - 1).strip();
                body.setLength(0);
                depth = 1;
                continue;
            }
            depth += line.endsWith("{") ? 1 : line.equals("}") ? -1 : 0;
            if (depth == 0) {
                sites.put(address, body.toString());
            } else {
                body.append(line).append('\n');
            }
        }
        assertThat(depth).as("%s: every block is closed", CADDYFILE).isZero();
        return sites;
    }

    @Test
    void everyPublishedPortIsAnHttpsSiteWithTheConfiguredCertificates() {
        Map<String, String> sites = sites();
        List<Integer> httpsPorts = new ArrayList<>();
        sites.forEach((address, body) -> {
            Matcher https = Pattern.compile("^https://\\{\\$NEWSFLOW_PUBLIC_HOST}:(\\d+)$").matcher(address);
            if (https.matches()) {
                httpsPorts.add(Integer.parseInt(https.group(1)));
                assertThat(body).as(address).containsPattern("(?m)^\\s*tls \\{\\$NEWSFLOW_TLS}$");
            } else {
                assertThat(address).as("the only other blocks: global options and the local health check")
                        .isIn("", "http://127.0.0.1:2020");
            }
        });
        assertThat(compose.ports(ComposePortsAndVolumesTest.PROXY, DotEnv.example()))
                .extracting(Compose.Port::containerPort).containsExactlyInAnyOrderElementsOf(httpsPorts);
        assertThat(sites.get("")).contains("admin off");
        assertThat(sites.get("http://127.0.0.1:2020")).contains("bind 127.0.0.1");
        assertThat(compose.healthcheckCommand(ComposePortsAndVolumesTest.PROXY)).contains("http://127.0.0.1:2020/healthz");
        Map<String, String> env = compose.environment(ComposePortsAndVolumesTest.PROXY);
        assertThat(env).containsEntry("NEWSFLOW_TLS", "${NEWSFLOW_TLS:-internal}")
                .containsEntry("NEWSFLOW_PUBLIC_HOST", "${NEWSFLOW_PUBLIC_HOST:-localhost}");
        assertThat(compose.volumes(ComposePortsAndVolumesTest.PROXY))
                .contains(new Compose.Mount("./docker/proxy/Caddyfile", "/etc/caddy/Caddyfile", false));
    }

    @Test
    void theProxyForwardsToTheServicesAndKibanaAtTheirPorts() {
        List<String> upstreams = new ArrayList<>();
        Matcher proxy = Pattern.compile("reverse_proxy (\\S+):(\\d+)").matcher(String.join("\n", sites().values()));
        while (proxy.find()) {
            upstreams.add(proxy.group(1) + ":" + proxy.group(2));
            assertThat(compose.serviceNames()).contains(proxy.group(1));
        }
        assertThat(upstreams).containsExactlyInAnyOrder(
                "ingest-service:" + QuarkusConfig.applicationProperties("ingest-service").getProperty("quarkus.http.port"),
                "search-service:" + QuarkusConfig.applicationProperties("search-service").getProperty("quarkus.http.port"),
                "kibana:5601");
    }

    @Test
    void uploadsGoToIngestServiceAndEverythingElseOnTheApiPortToSearchService() {
        String api = sites().entrySet().stream().filter(e -> e.getValue().contains("search-service:")).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
        // the path ingest-service's upload resource answers on
        Matcher path = Pattern.compile("@Path\\(\"([^\"]+)\"\\)").matcher(
                Repo.read("ingest-service/src/main/java/io/newsflow/ingest/api/PageUploadResource.java"));
        assertThat(path.find()).isTrue();
        assertThat(api).containsPattern("handle " + Pattern.quote(path.group(1)) + "\\* \\{\\s*reverse_proxy ingest-service:")
                .containsPattern("handle \\{\\s*reverse_proxy search-service:");
    }

    @Test
    void theProxyImageIsPinnedAndReachesBothNetworks() {
        assertThat(String.valueOf(compose.attribute(ComposePortsAndVolumesTest.PROXY, "image"))).matches("caddy:\\d+\\.\\d+\\.\\d+-alpine");
        assertThat(compose.volumes(ComposePortsAndVolumesTest.PROXY)).contains(new Compose.Mount("caddy-data", "/data", true));
    }
}
