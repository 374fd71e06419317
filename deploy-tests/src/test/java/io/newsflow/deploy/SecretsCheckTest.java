package io.newsflow.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets of docker-compose.yml: {@code docker/secrets/generate-secrets.sh} makes them, the one-shot job
 * secrets-check ({@code docker/secrets/check-secrets.sh}) refuses bad ones before anything starts and derives the
 * services' users from them, and {@code docker/env-from-files.sh} hands them to the processes. The scripts run here
 * with {@code sh}, on files in a temporary folder, as they do in their containers.
 */
class SecretsCheckTest {
    private static final String LIST = "docker/secrets/secrets.list";
    private static final String CHECK = "docker/secrets/check-secrets.sh";
    private static final String GENERATE = "docker/secrets/generate-secrets.sh";
    private static final String ENV_FROM_FILES = "docker/env-from-files.sh";

    @TempDir
    Path dir;
    private Path secrets;
    private Path users;

    @BeforeEach
    void generateAllSecrets() {
        secrets = dir.resolve("secrets");
        users = dir.resolve("users");
        Shell.Result generated = Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString()), GENERATE);
        assertThat(generated.exitCode()).as(generated.output()).isZero();
    }

    /** secrets.list: name to least length. */
    static Map<String, Integer> listed() {
        Map<String, Integer> names = new LinkedHashMap<>();
        Repo.read(LIST).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
            String[] parts = line.split("\\s+");
            names.put(parts[0], Integer.parseInt(parts[1]));
        });
        return names;
    }

    private Shell.Result check() {
        return Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString(), "SECRETS_LIST", Repo.path(LIST).toString(),
                "USERS_DIR", users.toString()), CHECK);
    }

    private void write(String name, String value) throws IOException {
        Path file = secrets.resolve(name);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(file, value);
    }

    @Test
    void composeDeclaresExactlyTheListedSecretsAndSecretsCheckSeesThemAll() {
        Compose compose = Compose.load();
        Map<String, String> declared = compose.declaredSecrets();
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(listed().keySet());
        declared.forEach((name, file) -> assertThat(file).as(name).isEqualTo("./secrets/" + name));
        assertThat(compose.secrets("secrets-check")).containsExactlyInAnyOrderElementsOf(listed().keySet());
        assertThat(compose.volumes("secrets-check")).contains(new Compose.Mount("./docker/secrets", "/newsflow", false));
        assertThat(compose.environment("secrets-check")).containsEntry("SECRETS_LIST", "/newsflow/secrets.list");
        // every secret is used by some container besides the check, or is a newsflow user's, which the check
        // itself turns into the services' users
        String script = Repo.read(CHECK);
        assertThat(script).contains("for user in admin ingest reader alerts", "$SECRETS/newsflow_${user}_password");
        for (String name : declared.keySet()) {
            boolean used = compose.serviceNames().stream().filter(s -> !s.equals("secrets-check"))
                    .anyMatch(s -> compose.secrets(s).contains(name));
            assertThat(used || name.matches("newsflow_(admin|ingest|reader|alerts)_password")).as("a container uses %s", name).isTrue();
        }
        listed().forEach((name, least) -> assertThat(least).as("least length of %s", name).isGreaterThanOrEqualTo(16));
    }

    @Test
    void generatedSecretsAreAcceptedAndKeptFromOtherUsersOfTheHost() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        for (Map.Entry<String, Integer> secret : listed().entrySet()) {
            Path file = secrets.resolve(secret.getKey());
            assertThat(Files.readString(file)).as(secret.getKey()).hasSizeGreaterThanOrEqualTo(Math.max(32, secret.getValue()))
                    .matches("[A-Za-z0-9]+");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
        }
        Shell.Result result = check();
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void secretsCheckDerivesTheUsersOfBothServicesAsTheRealmHashesThem() throws Exception {
        Shell.Result result = check();
        assertThat(result.exitCode()).as(result.output()).isZero();
        for (String service : List.of("ingest-service", "search-service")) {
            Properties users = load(this.users.resolve(service + "/users.properties"));
            Properties roles = load(this.users.resolve(service + "/roles.properties"));
            for (String user : List.of("admin", "ingest", "reader")) {
                String password = Files.readString(secrets.resolve("newsflow_" + user + "_password"));
                assertThat(users.getProperty("quarkus.security.users.embedded.users." + user)).as("%s of %s", user, service)
                        .isEqualTo(sha256Hex(user + ":newsflow:" + password));
            }
            assertThat(roles.getProperty("quarkus.security.users.embedded.roles.admin")).isEqualTo("admin,ingest,reader");
            assertThat(roles.getProperty("quarkus.security.users.embedded.roles.ingest")).isEqualTo("ingest");
            assertThat(roles.getProperty("quarkus.security.users.embedded.roles.reader")).isEqualTo("reader");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.users.resolve(service + "/users.properties"))))
                    .isEqualTo("r--------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.users.resolve(service))))
                    .as("the service's user must be able to enter its folder").isEqualTo("rwxr-xr-x");
        }
        // the roles the services' policies ask for
        assertThat(QuarkusConfig.applicationProperties("search-service").getProperty("quarkus.http.auth.policy.admin.roles-allowed")).isEqualTo("admin");
        assertThat(QuarkusConfig.applicationProperties("search-service").getProperty("quarkus.http.auth.policy.reader.roles-allowed")).isEqualTo("reader");
        assertThat(result.output()).doesNotContain(Files.readString(secrets.resolve("newsflow_admin_password")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "elastic_password, change-me-elastic-but-long-enough, placeholder",
            "newsflow_admin_password, CHANGE-ME-admin-0123456789, placeholder",
            "analyst_password, 0123456789abcde, 15 characters, at least 16",
            "kibana_security_key, 0123456789abcdef0123456789abcde, 31 characters, at least 32",
            "search_es_password, 'abc\"def0123456789abcdef', only letters",
            "kibana_system_password, 'abc\\def0123456789abcdef', only letters",
            "newsflow_reader_password, 'two words 0123456789abcdef', only letters",
    })
    void aBadSecretStopsEverythingWithAClearMessage(String name, String value, String reason) throws IOException {
        write(name, value);
        Shell.Result result = check();
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("secret " + name + " refused").contains(reason)
                .contains("1 secret(s) refused: nothing else starts").doesNotContain(value);
        assertThat(users).as("no users derived from refused secrets").doesNotExist();
    }

    @Test
    void theLeastLengthIsAccepted() throws IOException {
        write("analyst_password", "0123456789abcdef");
        write("kibana_security_key", "0123456789abcdef0123456789abcdef");
        // a trailing newline (an editor's) is dropped, as every reader of the file drops it
        write("newsflow_ingest_password", "0123456789abcdef\n");
        Shell.Result result = check();
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void missingAndUnreadableSecretsAreRefusedAllAtOnce() throws IOException {
        Files.delete(secrets.resolve("kibana_reporting_key"));
        Files.setPosixFilePermissions(secrets.resolve("search_es_password"), PosixFilePermissions.fromString("rw-------"));
        Shell.Result result = check();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("secret kibana_reporting_key refused: no file secrets/kibana_reporting_key")
                .contains("secret search_es_password refused: mode 600").contains("2 secret(s) refused");
    }

    @Test
    void generatingAgainKeepsTheSecretsAndNamingOneRotatesOnlyThatOne() throws IOException {
        Map<String, String> before = new LinkedHashMap<>();
        for (String name : listed().keySet()) {
            before.put(name, Files.readString(secrets.resolve(name)));
        }
        assertThat(Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString()), GENERATE).exitCode()).isZero();
        Shell.Result rotated = Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString()), GENERATE, "analyst_password");
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        for (String name : listed().keySet()) {
            String now = Files.readString(secrets.resolve(name));
            if (name.equals("analyst_password")) {
                assertThat(now).as(name).isNotEqualTo(before.get(name));
            } else {
                assertThat(now).as(name).isEqualTo(before.get(name));
            }
        }
        assertThat(Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString()), GENERATE, "no_such_secret").exitCode()).isNotZero();
    }

    @Test
    void envFromFilesExportsSecretFilesOnlyAndDropsTheFileVariable() throws IOException {
        String key = Files.readString(secrets.resolve("kibana_security_key"));
        Path other = Files.writeString(dir.resolve("ca.pem"), "not a secret");
        Shell.Result result = Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString(),
                        "XPACK_SECURITY_ENCRYPTIONKEY_FILE", secrets.resolve("kibana_security_key").toString(),
                        "SSL_CERT_FILE", other.toString()),
                ENV_FROM_FILES, "sh", "-c", "printf '%s|%s|%s|%s' \"$XPACK_SECURITY_ENCRYPTIONKEY\" \"${XPACK_SECURITY_ENCRYPTIONKEY_FILE:-unset}\" \"${SSL_CERT:-unset}\" \"$SSL_CERT_FILE\"");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEqualTo(key + "|unset|unset|" + other);
    }

    @Test
    void envFromFilesFailsNamingTheVariableWhenASecretCannotBeRead() {
        Shell.Result result = Shell.run(dir, Map.of("SECRETS_DIR", secrets.toString(),
                "QUARKUS_ELASTICSEARCH_PASSWORD_FILE", secrets.resolve("missing").toString()), ENV_FROM_FILES, "true");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("QUARKUS_ELASTICSEARCH_PASSWORD_FILE: cannot read");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return properties;
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
