package io.newsflow.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The users of the local run, generated once into {@code NEWSFLOW_HOME/credentials/} (folder 0700, files 0600) and
 * reused by every later {@code bin/newsflow up}:
 * <ul>
 *   <li>{@code passwords}: {@code NAME=password} lines for the operator, e.g.
 *       {@code curl -u admin:"$(sed -n 's/^admin=//p' newsflow-data/credentials/passwords)" ...}</li>
 *   <li>{@code users.properties}: {@code quarkus.security.users.embedded.users.NAME=HEX(SHA-256(NAME:newsflow:password))}</li>
 *   <li>{@code roles.properties}: {@code quarkus.security.users.embedded.roles.NAME=role,role}</li>
 * </ul>
 * The services read the two {@code .properties} files as extra configuration ({@link #configLocations()}); the plain
 * passwords go nowhere else. To rotate: stop the system, delete the folder, start it again.
 */
public final class Credentials {
    /** The realm name the services are built with ({@code quarkus.security.users.embedded.realm-name}): part of each hash. */
    public static final String REALM = "newsflow";
    /** 24 letters and digits from SecureRandom: about 143 bits, and nothing a shell or curl would interpret. */
    static final int PASSWORD_LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String USERS_PREFIX = "quarkus.security.users.embedded.users.";
    private static final String ROLES_PREFIX = "quarkus.security.users.embedded.roles.";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user of the local run and its roles. */
    public record User(String name, List<String> roles) {
    }

    /** May do everything: re-index and whatever else deletes or replays, upload, read. */
    public static final User ADMIN = new User("admin", List.of("admin", "ingest", "reader"));
    /** May upload pages (POST /api/pages). */
    public static final User INGEST = new User("ingest", List.of("ingest"));
    /** May read when reading is protected ({@code newsflow.security.read-protected=true}). */
    public static final User READER = new User("reader", List.of("reader"));
    /** May keep saved searches that alert (/api/saved-searches). */
    public static final User ALERTS = new User("alerts", List.of("alerts"));
    private static final List<User> KNOWN = List.of(ADMIN, INGEST, READER, ALERTS);

    private final Path folder;
    private final Map<String, String> passwords;

    private Credentials(Path folder, Map<String, String> passwords) {
        this.folder = folder;
        this.passwords = passwords;
    }

    /**
     * The credentials in {@code folder}: those already there are kept, each of {@code users} missing is generated,
     * and the files are (re)written only where their content changes.
     */
    public static Credentials ensure(Path folder, List<User> users) throws IOException {
        ownerOnlyFolder(folder);
        Map<String, String> passwords = new LinkedHashMap<>();
        Properties existing = new Properties();
        Path passwordsFile = folder.resolve("passwords");
        if (Files.isRegularFile(passwordsFile)) {
            try (Reader in = Files.newBufferedReader(passwordsFile, StandardCharsets.UTF_8)) {
                existing.load(in);
            }
        }
        for (User user : KNOWN) {
            String password = existing.getProperty(user.name());
            if (password != null && !password.isBlank()) {
                passwords.put(user.name(), password.strip());
            } else if (users.contains(user)) {
                passwords.put(user.name(), generatePassword());
            }
        }
        Credentials credentials = new Credentials(folder, passwords);
        credentials.write();
        return credentials;
    }

    public Path folder() {
        return folder;
    }

    /** The operator's file: one {@code NAME=password} line per user. */
    public Path passwordsFile() {
        return folder.resolve("passwords");
    }

    public Path usersFile() {
        return folder.resolve("users.properties");
    }

    public Path rolesFile() {
        return folder.resolve("roles.properties");
    }

    /** The user names, admin first. */
    public List<String> users() {
        return List.copyOf(passwords.keySet());
    }

    /** The user's plain password: for a client of the local run (a test, a script), never for a log line. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user " + user + " in " + folder);
        }
        return password;
    }

    /** The value of {@code quarkus.config.locations} that gives a service these users (paths, no secret). */
    public String configLocations() {
        // SmallRye splits the list at commas: one in a path is escaped
        return usersFile().toUri().toString().replace(",", "\\,") + "," + rolesFile().toUri().toString().replace(",", "\\,");
    }

    /**
     * search-service's credentials for asking ingest-service about its inbox ({@code GET /api/inbox}) when reading is
     * protected: {@code newsflow.search.web.ingest-user} and {@code ingest-password} of the reader, in a file of this
     * folder (0600) read as extra configuration like the users files, so the password is on no command line.
     */
    public Path searchServiceIngestClient() throws IOException {
        Path file = folder.resolve("search-service-ingest.properties");
        writeOwnerOnly(file, List.of("# search-service asks ingest-service (GET /api/inbox) as the reader (bin/newsflow up)",
                "newsflow.search.web.ingest-user=" + READER.name(),
                "newsflow.search.web.ingest-password=" + password(READER.name())));
        return file;
    }

    /** HEX(SHA-256(user:realm:password)), the form the services' realm stores a password in. */
    static String digest(String user, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Creates the folder 0700, or makes an existing one 0700: what holds passwords is its owner's alone. */
    static void ownerOnlyFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        } else {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void write() throws IOException {
        List<String> plain = new ArrayList<>(List.of(
                "# Passwords of the newsflow users (generated by bin/newsflow up; never logged). Roles: admin = admin,",
                "# ingest, reader; ingest = ingest (POST /api/pages); reader = reader. To rotate: bin/newsflow down,",
                "# delete this folder, bin/newsflow up. Example:",
                "# curl -u admin:\"$(sed -n 's/^admin=//p' " + passwordsFile() + ")\" -X POST http://localhost:8080/api/admin/reindex"));
        List<String> hashed = new ArrayList<>(List.of(
                "# The newsflow users for the services (bin/newsflow up): HEX(SHA-256(NAME:" + REALM + ":password))"));
        List<String> roles = new ArrayList<>(List.of("# The roles of the newsflow users, for the services (bin/newsflow up)"));
        for (User user : KNOWN) {
            String password = passwords.get(user.name());
            if (password != null) {
                plain.add(user.name() + "=" + password);
                hashed.add(USERS_PREFIX + user.name() + "=" + digest(user.name(), password));
                roles.add(ROLES_PREFIX + user.name() + "=" + String.join(",", user.roles()));
            }
        }
        writeOwnerOnly(passwordsFile(), plain);
        writeOwnerOnly(usersFile(), hashed);
        writeOwnerOnly(rolesFile(), roles);
    }

    /** Replaces the file atomically by one created 0600 (never readable by others, not even for a moment). */
    static void writeOwnerOnly(Path file, List<String> lines) throws IOException {
        String content = String.join("\n", lines) + "\n";
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
