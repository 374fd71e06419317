package io.newsflow.localstack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The users of the local Elasticsearch node, which runs with security on as in production: generated once into a
 * stack's {@code credentials/} folder (0700, files 0600) and kept for every later start of that stack.
 * <ul>
 *   <li>{@value #ADMIN} (role {@code superuser}): the launcher's health checks, tests and the benchmarks' direct
 *       requests;</li>
 *   <li>{@value #SEARCH} (role {@value #SEARCH_ROLE}, defined in the repository's
 *       {@code config/elasticsearch/roles.yml}: the {@code news-articles*} indices only): search-service, which reads
 *       it from {@link #searchServiceConfig()}, a file of configuration, so the password is on no command line.</li>
 * </ul>
 * Both live in the node's file realm. Its {@code users} file holds bcrypt hashes made by the distribution's own
 * {@code elasticsearch-users} tool, kept beside the passwords and made again only when the passwords file is newer.
 * To rotate: stop the stack, edit or delete {@code elasticsearch-passwords}, start it again.
 */
public final class ElasticsearchUsers {
    public static final String ADMIN = "newsflow-admin";
    public static final String SEARCH = "newsflow-search";
    public static final String SEARCH_ROLE = "newsflow_search";
    private static final Map<String, String> ROLES = Map.of(ADMIN, "superuser", SEARCH, SEARCH_ROLE);
    private static final String PASSWORDS_FILE = "elasticsearch-passwords";
    private static final String HASHED_USERS_FILE = "elasticsearch-users.hashed";
    private static final String USER_ROLES_FILE = "elasticsearch-users_roles";
    private static final String SEARCH_SERVICE_CONFIG = "search-service-elasticsearch.properties";
    private static final long TOOL_TIMEOUT_SECONDS = 60;

    private final Path folder;
    private final Map<String, String> passwords;

    private ElasticsearchUsers(Path folder, Map<String, String> passwords) {
        this.folder = folder;
        this.passwords = passwords;
    }

    /** The users in {@code folder}: those there are kept, the missing ones generated, the files written. */
    public static ElasticsearchUsers ensure(Path folder) throws IOException {
        Credentials.ownerOnlyFolder(folder);
        Properties existing = load(folder.resolve(PASSWORDS_FILE));
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of(ADMIN, SEARCH)) {
            String password = existing.getProperty(user, "").strip();
            passwords.put(user, password.isEmpty() ? Credentials.generatePassword() : password);
        }
        ElasticsearchUsers users = new ElasticsearchUsers(folder, passwords);
        users.write();
        return users;
    }

    /** The users a stack recorded in {@code folder}, if it has any (a stack of an older launcher has none). */
    public static Optional<ElasticsearchUsers> read(Path folder) throws IOException {
        Path file = folder.resolve(PASSWORDS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties existing = load(file);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of(ADMIN, SEARCH)) {
            String password = existing.getProperty(user, "").strip();
            if (password.isEmpty()) {
                return Optional.empty();
            }
            passwords.put(user, password);
        }
        return Optional.of(new ElasticsearchUsers(folder, passwords));
    }

    /** The user's plain password: for a client of the node, never for a log line. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Elasticsearch user " + user);
        }
        return password;
    }

    /** The value of an {@code Authorization} header for HTTP basic authentication as {@code user}. */
    public String authorization(String user) {
        String pair = user + ":" + password(user);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The operator's file: one {@code NAME=password} line per user. */
    public Path passwordsFile() {
        return folder.resolve(PASSWORDS_FILE);
    }

    /** Configuration for search-service: {@code quarkus.elasticsearch.username} and {@code .password} of {@value #SEARCH}. */
    public Path searchServiceConfig() {
        return folder.resolve(SEARCH_SERVICE_CONFIG);
    }

    /** The same two properties, for a test's Quarkus application. */
    public Map<String, String> searchServiceProperties() {
        return Map.of("quarkus.elasticsearch.username", SEARCH, "quarkus.elasticsearch.password", password(SEARCH));
    }

    /**
     * Puts the file realm into a node's fresh configuration folder: {@code users} (hashes), {@code users_roles} and
     * the repository's {@code roles.yml}. Hashes with the distribution's {@code elasticsearch-users} when there are
     * none yet or the passwords changed since; each run of the tool is a JVM of ~2 s.
     */
    void installRealm(Path esHome, Path conf, Path javaHome, Path rolesFile) throws IOException, InterruptedException {
        Path hashed = folder.resolve(HASHED_USERS_FILE);
        Path userRoles = folder.resolve(USER_ROLES_FILE);
        boolean current = Files.isRegularFile(hashed) && Files.isRegularFile(userRoles)
                && !Files.getLastModifiedTime(hashed).toInstant().isBefore(Files.getLastModifiedTime(passwordsFile()).toInstant());
        if (!current) {
            Files.writeString(conf.resolve("users"), "");
            Files.writeString(conf.resolve("users_roles"), "");
            for (String user : passwords.keySet()) {
                addUser(esHome, conf, javaHome, user);
            }
            Credentials.writeOwnerOnly(hashed, Files.readAllLines(conf.resolve("users")));
            Credentials.writeOwnerOnly(userRoles, Files.readAllLines(conf.resolve("users_roles")));
        } else {
            Files.copy(hashed, conf.resolve("users"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(userRoles, conf.resolve("users_roles"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (rolesFile == null || !Files.isRegularFile(rolesFile)) {
            throw new IOException("Elasticsearch roles file not found: " + rolesFile);
        }
        Files.copy(rolesFile, conf.resolve("roles.yml"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code elasticsearch-users useradd}, the password typed on its standard input (never on a command line). */
    private void addUser(Path esHome, Path conf, Path javaHome, String user) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(esHome.resolve("bin/elasticsearch-users").toString(),
                "useradd", user, "-r", ROLES.get(user))
                .redirectErrorStream(true);
        ElasticsearchInstall.esEnvironment(pb.environment(), javaHome, conf);
        File output = Files.createTempFile(folder, ".useradd", ".out").toFile();
        pb.redirectOutput(output);
        try {
            Process tool = pb.start();
            try (OutputStream in = tool.getOutputStream()) {
                String password = password(user);
                in.write((password + "\n" + password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!tool.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new IOException("elasticsearch-users did not finish within " + TOOL_TIMEOUT_SECONDS + " s");
            }
            if (tool.exitValue() != 0) {
                throw new IOException("elasticsearch-users useradd " + user + " failed (exit code " + tool.exitValue() + "): "
                        + Files.readString(output.toPath()).strip());
            }
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private void write() throws IOException {
        List<String> plain = new ArrayList<>(List.of(
                "# Passwords of the local Elasticsearch node's users (generated; never logged). " + ADMIN + " is a superuser,",
                "# " + SEARCH + " (search-service) may use the news-articles* indices only. Example:",
                "# curl -u " + ADMIN + ":\"$(sed -n 's/^" + ADMIN + "=//p' " + passwordsFile() + ")\" http://127.0.0.1:9200/_cat/indices"));
        passwords.forEach((user, password) -> plain.add(user + "=" + password));
        Credentials.writeOwnerOnly(passwordsFile(), plain);
        Credentials.writeOwnerOnly(searchServiceConfig(), List.of(
                "# search-service's Elasticsearch user (written by the local stack from " + PASSWORDS_FILE + ")",
                "quarkus.elasticsearch.username=" + SEARCH,
                "quarkus.elasticsearch.password=" + password(SEARCH)));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
