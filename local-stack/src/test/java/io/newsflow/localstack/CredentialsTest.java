package io.newsflow.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions never show a password: a failing test prints only what was expected of it. */
class CredentialsTest {
    private static final List<Credentials.User> DEFAULT_USERS = List.of(Credentials.ADMIN, Credentials.INGEST);

    @Test
    void theFirstCallGeneratesLongRandomPasswordsInFilesOnlyTheOwnerCanRead(@TempDir Path home) throws Exception {
        Credentials credentials = Credentials.ensure(home.resolve("credentials"), DEFAULT_USERS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.folder()))).isEqualTo("rwx------");
        for (Path file : List.of(credentials.passwordsFile(), credentials.usersFile(), credentials.rolesFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(credentials.users()).containsExactly("admin", "ingest");
        String admin = credentials.password("admin");
        String ingest = credentials.password("ingest");
        assertThat(admin.length() >= 20 && admin.chars().allMatch(Character::isLetterOrDigit)).as("admin password: 20+ letters/digits").isTrue();
        assertThat(ingest.length() >= 20).as("ingest password: 20+ characters").isTrue();
        assertThat(admin.equals(ingest)).as("the two passwords are the same").isFalse();
        assertThat(Credentials.ensure(home.resolve("other"), DEFAULT_USERS).password("admin").equals(admin))
                .as("another folder gets the same password").isFalse();
        try (var leftovers = Files.list(credentials.folder())) {
            assertThat(leftovers).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("passwords", "users.properties", "roles.properties");
        }
    }

    @Test
    void theServicesFilesHoldHashesAndRolesButNoPlainPassword(@TempDir Path home) throws Exception {
        Credentials credentials = Credentials.ensure(home.resolve("credentials"), DEFAULT_USERS);

        String users = Files.readString(credentials.usersFile());
        String roles = Files.readString(credentials.rolesFile());
        for (String user : credentials.users()) {
            String password = credentials.password(user);
            assertThat(users.contains(password) || roles.contains(password)).as("plain password of %s in the services' files", user).isFalse();
            // the form of the services' realm, computed here independently: HEX(SHA-256(user:realm:password))
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((user + ":newsflow:" + password).getBytes(StandardCharsets.UTF_8)));
            assertThat(users.lines().anyMatch(("quarkus.security.users.embedded.users." + user + "=" + expected)::equals))
                    .as("hash line of %s", user).isTrue();
        }
        assertThat(roles.lines()).contains("quarkus.security.users.embedded.roles.admin=admin,ingest,reader",
                "quarkus.security.users.embedded.roles.ingest=ingest");
        assertThat(credentials.configLocations()).isEqualTo(credentials.usersFile().toUri() + "," + credentials.rolesFile().toUri());
    }

    @Test
    void laterCallsReuseThePasswordsAndLeaveTheFilesAlone(@TempDir Path home) throws Exception {
        Path folder = home.resolve("credentials");
        Credentials first = Credentials.ensure(folder, DEFAULT_USERS);
        List<Path> files = List.of(first.passwordsFile(), first.usersFile(), first.rolesFile());
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        for (Path file : files) {
            Files.setLastModifiedTime(file, past);
        }

        Credentials second = Credentials.ensure(folder, DEFAULT_USERS);

        for (String user : List.of("admin", "ingest")) {
            assertThat(second.password(user).equals(first.password(user))).as("password of %s kept", user).isTrue();
        }
        for (Path file : files) {
            assertThat(Files.getLastModifiedTime(file)).as(file + " rewritten").isEqualTo(past);
        }
    }

    @Test
    void protectingReadingAddsAReaderAndKeepsTheOthers(@TempDir Path home) throws Exception {
        Path folder = home.resolve("credentials");
        Credentials open = Credentials.ensure(folder, DEFAULT_USERS);

        Credentials protectedReading = Credentials.ensure(folder, List.of(Credentials.ADMIN, Credentials.INGEST, Credentials.READER));

        assertThat(protectedReading.users()).containsExactly("admin", "ingest", "reader");
        assertThat(protectedReading.password("admin").equals(open.password("admin"))).as("admin password kept").isTrue();
        assertThat(Files.readString(protectedReading.rolesFile()).lines()).contains("quarkus.security.users.embedded.roles.reader=reader");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(protectedReading.rolesFile()))).isEqualTo("rw-------");
    }

    @Test
    void theCommandTheLauncherPrintsSendsTheAdminPassword(@TempDir Path home) throws Exception {
        Credentials credentials = Credentials.ensure(home.resolve("data folder").resolve("credentials"), DEFAULT_USERS);
        String command = NewsflowCli.curlExample(credentials.passwordsFile(), 8080);
        assertThat(command).startsWith("curl -u admin:").endsWith(" -X POST http://localhost:8080/api/admin/reindex");

        // the same line with printf instead of curl shows the arguments curl would get
        List<String> arguments = shell(command.replaceFirst("^curl ", "printf '%s\\\\n' "));

        assertThat(arguments.contains("admin:" + credentials.password("admin"))).as("curl gets admin:<the admin password>").isTrue();
    }

    private static List<String> shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor()).isZero();
        return lines;
    }
}
