package io.newsflow.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real single-node Elasticsearch on this machine, from the integ-test distribution plus our analysis plugin.
 *
 * <p>The node is started with {@code bin/elasticsearch -d -p <pid file>}: the launcher returns once the
 * node is up and leaves it running detached in its own session ({@code setsid}), with no launcher JVM
 * kept alive beside it. So the node outlives the JVM that started it ({@code bin/newsflow up}) and is
 * stopped by pid ({@link #stopPid}), once the process holding the pid is known to be this node: its command
 * line carries the {@link ProcessMark} of the pid file (put there through {@code config/jvm.options.d/}). When
 * this JVM runs as root the node runs as the system user {@value UnprivilegedUser#NAME}, because Elasticsearch
 * refuses root.
 *
 * <p>Work folder layout (the folder is dedicated to one node and handed to the node user):
 * <pre>
 *   elasticsearch.pid   pid of the running node
 *   es-home/            the node's Elasticsearch home (see {@link ElasticsearchInstall})
 *   config/             ES_PATH_CONF, rewritten at every start (with the names dictionary, see {@link Options#namesFile},
 *                       the process mark, and the HTTPS certificate and key in http-tls/ when {@link Options#httpTls} is given)
 *   data/ logs/ tmp/    path.data, path.logs (+ elasticsearch.out, the launcher's output), ES_TMPDIR
 * </pre>
 */
public final class ElasticsearchNode implements AutoCloseable {

    /**
     * @param namesFile names dictionary copied to {@code config/<plugin name>/names.txt} at every start, so an edit
     *     takes effect at the next start; null or absent: the copy the plugin installed stays
     * @param rolesFile the roles of the file realm ({@code config/elasticsearch/roles.yml} of the repository)
     * @param users     the users the node knows (security is always on, as in production)
     * @param httpTls   HTTPS on the node's HTTP port with this certificate, for a test of clients over TLS; null: plain
     *     HTTP, as the local run uses it
     */
    public record Options(Path distributionZip, Path pluginZip, Path cacheDir, Path workDir, int httpPort, int heapMb, Path javaHome,
                          Path namesFile, Path rolesFile, ElasticsearchUsers users, HttpTls httpTls) {

        /** A node on plain HTTP. */
        public Options(Path distributionZip, Path pluginZip, Path cacheDir, Path workDir, int httpPort, int heapMb, Path javaHome,
                       Path namesFile, Path rolesFile, ElasticsearchUsers users) {
            this(distributionZip, pluginZip, cacheDir, workDir, httpPort, heapMb, javaHome, namesFile, rolesFile, users, null);
        }
    }

    /**
     * HTTPS on the node ({@code xpack.security.http.ssl.*}), PEM files copied into the node's configuration at every
     * start (so the node's user can read them wherever they were made). The node is then reached as
     * {@code https://localhost:<port>}: the certificate must name {@code localhost}.
     *
     * @param certificate the node's certificate chain, PEM
     * @param key         its private key, PEM (PKCS#8, unencrypted)
     * @param authority   the CA certificate that signed it, PEM: trusted by the node's own requests (its start's health
     *     check, {@link #sslContext()})
     */
    public record HttpTls(Path certificate, Path key, Path authority) {
    }

    public static final String PID_FILE = "elasticsearch.pid";
    static final String CLUSTER_NAME = "newsflow";

    private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Time for the node to close its shards. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HEALTH_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

    private final String httpUrl;
    private final long pid;
    private final Path pidFile;
    private final ElasticsearchUsers users;
    private final Path configDir;
    private final SSLContext sslContext;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ElasticsearchNode(String httpUrl, long pid, Path pidFile, ElasticsearchUsers users, Path configDir,
                              SSLContext sslContext) {
        this.configDir = configDir;
        this.sslContext = sslContext;
        this.httpUrl = httpUrl;
        this.pid = pid;
        this.pidFile = pidFile;
        this.users = users;
    }

    /**
     * Starts a node and returns when its cluster health is yellow or better.
     *
     * @throws IOException when the node cannot be prepared or does not come up within ~90 s; the message
     *     carries the end of its logs
     */
    public static ElasticsearchNode start(Options o) throws IOException, InterruptedException {
        Path javaHome = o.javaHome().toAbsolutePath();
        requireFile(javaHome.resolve("bin/java"), "javaHome has no bin/java");
        requireFile(o.distributionZip(), "Elasticsearch distribution zip not found");
        requireFile(o.pluginZip(), "analysis plugin zip not found (build es-analysis-plugin first)");
        Path workDir = o.workDir().toAbsolutePath();
        Path pidFile = workDir.resolve(PID_FILE);
        OptionalLong running = readPid(pidFile);
        if (running.isPresent() && RecordedProcess.of(running.getAsLong(), mark(workDir)) instanceof RecordedProcess.Ours) {
            throw new IOException("an Elasticsearch node already runs from " + workDir + " (pid " + running.getAsLong() + "); stop it first");
        }
        requirePortFree(o.httpPort());

        Path logs = workDir.resolve("logs");
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(workDir.resolve(dir));
        }
        Files.deleteIfExists(pidFile);
        Path distribution = ElasticsearchInstall.unpackedDistribution(o.distributionZip(), o.cacheDir().toAbsolutePath());
        Path home = ElasticsearchInstall.nodeHome(distribution, o.pluginZip(), workDir, javaHome);
        Path conf = writeConfig(home, workDir, o.httpPort(), o.heapMb(), o.httpTls());
        SSLContext sslContext = o.httpTls() == null ? defaultSslContext() : trusting(o.httpTls().authority());
        // the node JVM reads its options from there, the mark among them (ES_JAVA_OPTS would split a path at blanks)
        Files.writeString(conf.resolve("jvm.options.d/newsflow-mark.options"), mark(workDir).argument() + "\n");
        copyNamesFile(o.namesFile(), conf.resolve(ElasticsearchInstall.pluginName(o.pluginZip())));
        o.users().installRealm(home, conf, javaHome, o.rolesFile());
        Path out = logs.resolve("elasticsearch.out");
        // one start per file, so a failure shows this start's output only (the node's own log keeps history)
        Files.writeString(out, "--- starting " + Instant.now() + "\n");

        List<String> command = new ArrayList<>(List.of("setsid")); // own session: no SIGHUP when a terminal closes
        Optional<UnprivilegedUser> user = UnprivilegedUser.whenRoot();
        if (user.isPresent()) {
            user.get().chown(workDir, Set.of(home, workDir.resolve("es-home.stamp")));
            user.get().checkAccess(workDir, home.resolve("bin/elasticsearch"));
            command.addAll(user.get().commandPrefix());
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile.toString()));

        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())) // a file, not a pipe: we may exit first
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ElasticsearchInstall.esEnvironment(pb.environment(), javaHome, conf);
        String tmp = workDir.resolve("tmp").toString();
        pb.environment().put("ES_TMPDIR", tmp);
        if (!tmp.matches(".*\\s.*")) {
            // the launcher JVM leaves an empty final-flags* folder in its temp dir at every start: keep it in ours
            // (the script splits CLI_JAVA_OPTS on blanks, hence only for blank-free paths)
            pb.environment().put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        }

        long started = System.nanoTime();
        long deadline = started + START_TIMEOUT.toNanos();
        Process launcher = pb.start();
        if (!launcher.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            readPid(pidFile).ifPresent(p -> stopPid(p, workDir));
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            throw failure("Elasticsearch did not start within " + START_TIMEOUT.toSeconds() + " s", logs);
        }
        if (launcher.exitValue() != 0) {
            throw failure("Elasticsearch failed to start (launcher exit code " + launcher.exitValue() + ")", logs);
        }
        long pid = readPid(pidFile).orElseThrow(() -> failure("Elasticsearch started but wrote no " + pidFile, logs));
        String url = o.httpTls() == null ? "http://127.0.0.1:" + o.httpPort() : "https://localhost:" + o.httpPort();
        ElasticsearchNode node = new ElasticsearchNode(url, pid, pidFile, o.users(), conf, sslContext);
        try {
            node.awaitHealthy(deadline);
        } catch (IOException e) {
            node.stop();
            throw failure(e.getMessage(), logs);
        }
        LOG.log(System.Logger.Level.INFO, "Elasticsearch up at {0} (pid {1}) in {2} ms",
                node.httpUrl, String.valueOf(pid), String.valueOf((System.nanoTime() - started) / 1_000_000));
        return node;
    }

    public String httpUrl() {
        return httpUrl;
    }

    public long pid() {
        return pid;
    }

    /** The node's users ({@link ElasticsearchUsers#ADMIN} for a test's or tool's own requests). */
    public ElasticsearchUsers users() {
        return users;
    }

    /**
     * The node's ES_PATH_CONF, rewritten at every start. The file realm's {@code users} and {@code users_roles} in it
     * are read again by the running node within seconds of a change: what a test of a rotated password edits.
     */
    public Path configDir() {
        return configDir;
    }

    /**
     * The TLS context a client of this node needs: one that trusts the node's certificate authority when the node
     * runs HTTPS ({@link Options#httpTls}), the JVM's default otherwise.
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** A request to {@code pathAndQuery} of this node as {@link ElasticsearchUsers#ADMIN}. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(httpUrl + pathAndQuery))
                .header("Authorization", users.authorization(ElasticsearchUsers.ADMIN));
    }

    /** Graceful stop (SIGTERM, up to ~30 s), then kill; idempotent. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            stopPid(pid, pidFile.getParent());
            try {
                // Elasticsearch removes its pid file on a clean exit; not after a kill
                if (readPid(pidFile).orElse(-1) == pid) {
                    Files.deleteIfExists(pidFile);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not remove " + pidFile, e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the node with this pid, as started by any JVM from {@code workDir}: SIGTERM, up to ~30 s for Elasticsearch
     * to close its shards, then SIGKILL for it and anything it started. Signals nothing when the pid is gone or belongs
     * to another process (pid reuse, see {@link ProcessMark}).
     */
    static void stopPid(long pid, Path workDir) {
        if (RecordedProcess.of(pid, mark(workDir)) instanceof RecordedProcess.Ours ours) {
            ChildProcesses.stop(ours.handle(), STOP_TIMEOUT);
        }
    }

    /** The mark on the command line of a node started from {@code workDir}, put there by a JVM options file. */
    static ProcessMark mark(Path workDir) {
        return ProcessMark.forPidFile(workDir.toAbsolutePath().resolve(PID_FILE));
    }

    /** The pid in a node's pid file, if the file exists and holds one. */
    public static OptionalLong readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(pidFile).strip();
        return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    private void awaitHealthy(long deadlineNanos) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(sslContext).build();
        String last = "no answer";
        while (System.nanoTime() < deadlineNanos) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                throw new IOException("Elasticsearch (pid " + pid + ") exited while starting");
            }
            long waitSeconds = Math.max(1, Math.min(10, (deadlineNanos - System.nanoTime()) / 1_000_000_000L));
            HttpRequest request = request("/_cluster/health?wait_for_status=yellow&timeout=" + waitSeconds + "s")
                    .timeout(Duration.ofSeconds(waitSeconds + 5))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher status = HEALTH_STATUS.matcher(response.body());
                if (response.statusCode() == 200 && status.find() && !status.group(1).equals("red")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (ConnectException e) {
                last = "connection refused";
                Thread.sleep(250);
            } catch (java.net.http.HttpTimeoutException e) {
                last = "health request timed out";
            }
        }
        throw new IOException("Elasticsearch did not reach yellow health within " + START_TIMEOUT.toSeconds() + " s (" + last + ")");
    }

    /** Fresh ES_PATH_CONF: the distribution's config with our elasticsearch.yml and heap (and HTTPS files). */
    private static Path writeConfig(Path home, Path workDir, int httpPort, int heapMb, HttpTls httpTls) throws IOException {
        Path conf = workDir.resolve("config");
        FileTrees.deleteRecursively(conf);
        try (Stream<Path> files = Files.walk(home.resolve("config"))) {
            for (Path src : (Iterable<Path>) files::iterator) {
                Path dest = conf.resolve(home.resolve("config").relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(src, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // Only settings the integ-test distribution knows (x-pack security is its one optional module);
        // an unknown setting stops the node at start-up.
        String yml = """
                # Written by newsflow local-stack at every start: edits here are lost.
                cluster.name: %s
                node.name: newsflow-local
                # one node, loopback only: no cluster formation, no production bootstrap checks
                discovery.type: single-node
                network.host: 127.0.0.1
                http.port: %d
                transport.port: 0
                path.data: %s
                path.logs: %s
                # security on, as in production: users in the file realm (users, users_roles, roles.yml beside this
                # file); plain HTTP, which Elasticsearch allows on a node bound to the loopback interface only, unless
                # a test asked for HTTPS (below)
                xpack.security.enabled: true
                xpack.security.transport.ssl.enabled: false
                xpack.security.authc.realms.file.local.order: 0
                # a nearly full disk must not make indices read-only or shards unassigned
                cluster.routing.allocation.disk.threshold_enabled: false
                """.formatted(CLUSTER_NAME, httpPort, yamlString(workDir.resolve("data")), yamlString(workDir.resolve("logs")));
        yml += httpTls == null ? "xpack.security.http.ssl.enabled: false\n" : httpsSettings(httpTls, conf);
        Files.writeString(conf.resolve("elasticsearch.yml"), yml, StandardCharsets.UTF_8);
        Files.createDirectories(conf.resolve("jvm.options.d"));
        Files.writeString(conf.resolve("jvm.options.d/newsflow-heap.options"), "-Xms%dm%n-Xmx%dm%n".formatted(heapMb, heapMb));
        return conf;
    }

    /** The HTTPS settings, with the certificate and key copied to {@code http-tls/} of the node's configuration. */
    private static String httpsSettings(HttpTls tls, Path conf) throws IOException {
        Path dir = Files.createDirectories(conf.resolve("http-tls"));
        Files.copy(tls.certificate(), dir.resolve("http.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(tls.key(), dir.resolve("http.key"), StandardCopyOption.REPLACE_EXISTING);
        return """
                # HTTPS, for a test of clients over TLS (paths relative to this folder)
                xpack.security.http.ssl.enabled: true
                xpack.security.http.ssl.certificate: http-tls/http.crt
                xpack.security.http.ssl.key: http-tls/http.key
                """;
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    /** A TLS context that trusts the certificates of one PEM file (and no other authority). */
    private static SSLContext trusting(Path authorityPem) throws IOException {
        try (InputStream in = Files.newInputStream(authorityPem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("authority-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the certificates of " + authorityPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the names dictionary where the analysis plugin reads it, {@code <ES_PATH_CONF>/<plugin name>/names.txt}.
     * Without a file of ours the node keeps what the plugin installer put there (the repository's file as of
     * the plugin build).
     */
    private static void copyNamesFile(Path namesFile, Path pluginConfDir) throws IOException {
        Path target = pluginConfDir.resolve("names.txt");
        if (namesFile == null || !Files.isRegularFile(namesFile)) {
            LOG.log(System.Logger.Level.INFO, "names dictionary {0}; the node uses the plugin''s copy {1}",
                    namesFile == null ? "not given" : namesFile + " not found", target);
            return;
        }
        Files.createDirectories(pluginConfDir);
        Files.copy(namesFile, target, StandardCopyOption.REPLACE_EXISTING);
        LOG.log(System.Logger.Level.DEBUG, "names dictionary {0} copied to {1}", namesFile, target);
    }

    /** A double-quoted YAML scalar (JSON string rules are valid YAML). */
    private static String yamlString(Path p) {
        return '"' + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void requireFile(Path p, String message) throws IOException {
        if (p == null || !Files.isRegularFile(p)) {
            throw new IOException(message + ": " + p);
        }
    }

    private static void requirePortFree(int port) throws IOException {
        if (!FreePorts.isFree(port)) {
            throw new PortInUseException("port " + port + " on 127.0.0.1 is in use; is another Elasticsearch running?");
        }
    }

    /** A start failure with the end of the node's logs; a {@link PortInUseException} when the node could not bind. */
    private static IOException failure(String message, Path logs) {
        String out = LogTail.of(logs.resolve("elasticsearch.out"), 40);
        String log = LogTail.of(logs.resolve(CLUSTER_NAME + ".log"), 40);
        return PortInUseException.failedStart(message + "\n--- " + logs.resolve("elasticsearch.out") + " (end):\n" + out
                + "\n--- " + logs.resolve(CLUSTER_NAME + ".log") + " (end):\n" + log, out + log);
    }
}
