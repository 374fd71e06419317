package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who logs in to Kibana and with what rights: analysts as a read-only user that es-setup creates, never as the
 * superuser; Kibana itself with fixed encryption keys from secret files.
 */
class KibanaAccessTest {
    private static final String SETUP = "docker/elasticsearch/setup-users.sh";
    private final Compose compose = Compose.load();

    /** The JSON body the set-up script sends to {@code PUT /_security/role/<role>}. */
    static JsonNode role(String role) throws Exception {
        Matcher m = Pattern.compile("echo '(\\{[^']*})' \\\\\\s*\\| request PUT /_security/role/" + Pattern.quote(role) + "\\b")
                .matcher(Repo.read(SETUP));
        assertThat(m.find()).as("%s creates the role %s", SETUP, role).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void analystsReadTheArticlesAndUseKibanaReadOnly() throws Exception {
        JsonNode analyst = role("newsflow_analyst");
        assertThat(analyst.path("cluster")).as("no cluster privileges").isEmpty();
        assertThat(analyst.path("run_as")).isEmpty();
        JsonNode indices = analyst.path("indices");
        assertThat(indices).hasSize(1);
        assertThat(texts(indices.get(0).path("names"))).containsExactly(Repo.read("search-service/src/main/resources/application.properties")
                .lines().filter(l -> l.startsWith("newsflow.search.alias=")).map(l -> l.substring(l.indexOf('=') + 1) + "*").findFirst().orElseThrow());
        assertThat(texts(indices.get(0).path("privileges"))).containsExactlyInAnyOrder("read", "view_index_metadata");
        JsonNode applications = analyst.path("applications");
        assertThat(applications).hasSize(1);
        assertThat(applications.get(0).path("application").asText()).isEqualTo("kibana-.kibana");
        assertThat(texts(applications.get(0).path("privileges"))).as("Kibana's base privilege read, in every space").containsExactly("read");
        assertThat(texts(applications.get(0).path("resources"))).containsExactly("*");
    }

    @Test
    void esSetupCreatesTheAnalystWithThatRoleAndItsSecret() {
        String script = Repo.read(SETUP);
        assertThat(script).contains("secret analyst_password")
                .containsPattern("\"roles\":\\[\"newsflow_analyst\"]")
                .contains("request PUT \"/_security/user/$KIBANA_ANALYST_USERNAME\"");
        assertThat(compose.environment("es-setup")).containsEntry("KIBANA_ANALYST_USERNAME", "${NEWSFLOW_ANALYST_USER:-analyst}");
        assertThat(compose.secrets("es-setup")).contains("analyst_password");
        assertThat(Compose.interpolate(compose.environment("es-setup").get("KIBANA_ANALYST_USERNAME"), DotEnv.example()))
                .isNotIn("elastic", "kibana_system", "newsflow_search");
    }

    @Test
    void searchServicesRoleCannotTouchOtherIndices() throws Exception {
        JsonNode search = role("newsflow_search");
        for (JsonNode index : search.path("indices")) {
            assertThat(texts(index.path("names"))).allMatch(name -> name.startsWith("news-articles"));
        }
    }

    @Test
    void kibanaGetsItsThreeEncryptionKeysFromSecretsOfAtLeast32Characters() {
        Map<String, String> env = compose.environment("kibana");
        Map<String, Integer> listed = SecretsCheckTest.listed();
        Map<String, String> keys = Map.of(
                "XPACK_SECURITY_ENCRYPTIONKEY_FILE", "kibana_security_key",
                "XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY_FILE", "kibana_saved_objects_key",
                "XPACK_REPORTING_ENCRYPTIONKEY_FILE", "kibana_reporting_key");
        keys.forEach((variable, secret) -> {
            assertThat(env).containsEntry(variable, "/run/secrets/" + secret);
            assertThat(compose.secrets("kibana")).contains(secret);
            assertThat(listed.get(secret)).as("least length of %s", secret).isGreaterThanOrEqualTo(32);
        });
        // the three keys are three secrets: one leaked or rotated does not touch the others
        assertThat(keys.values()).doesNotHaveDuplicates();
    }

    @Test
    void kibanaSitsBehindTheTlsProxy() {
        Map<String, String> env = compose.environment("kibana");
        assertThat(env).containsEntry("XPACK_SECURITY_SECURECOOKIES", "true");
        assertThat(env.get("SERVER_PUBLICBASEURL")).isEqualTo("https://${NEWSFLOW_PUBLIC_HOST:-localhost}:${NEWSFLOW_KIBANA_PORT:-5601}");
        assertThat(compose.environment("kibana-setup")).containsEntry("ELASTIC_PASSWORD_FILE", "/run/secrets/elastic_password");
        assertThat(Repo.read("kibana/import-saved-objects.sh")).contains("-K \"$AUTH\"").doesNotContain("-u \"elastic:");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
