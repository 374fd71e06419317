package io.newsflow.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lays out the Elasticsearch installation a node runs from.
 *
 * <ul>
 *   <li>The distribution zip is unpacked once into the shared cache and never modified afterwards, so
 *       any number of nodes and JVMs can use it at the same time. Unpacking goes to a temporary folder
 *       that is renamed into place, so a half-unpacked cache is never seen.</li>
 *   <li>Each node gets its own home in its work folder: a tree of hard links to the cached files (no
 *       copy, no extra disk; a plain copy when the cache is on another file system), a copied
 *       {@code config} and its own {@code plugins} into which the analysis plugin is installed. The
 *       plugin can thus change without touching the cache or another running node. The home is rebuilt
 *       only when the distribution or the plugin zip (by sha256) changed.</li>
 * </ul>
 */
final class ElasticsearchInstall {

    private static final System.Logger LOG = System.getLogger(ElasticsearchInstall.class.getName());
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private ElasticsearchInstall() {}

    /** The unpacked distribution in {@code cacheDir}, unpacking it first if needed. */
    static Path unpackedDistribution(Path distributionZip, Path cacheDir) throws IOException {
        String name = distributionZip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = cacheDir.resolve(name);
        if (isComplete(target)) {
            return target;
        }
        Files.createDirectories(cacheDir);
        removeAbandonedUnpacks(cacheDir, name);
        Path tmp = Files.createTempDirectory(cacheDir, "." + name + ".unpacking-");
        try {
            long started = System.nanoTime();
            unzip(distributionZip, tmp);
            Path top;
            try (Stream<Path> entries = Files.list(tmp)) {
                List<Path> all = entries.toList();
                if (all.size() != 1 || !isComplete(all.get(0))) {
                    throw new IOException(distributionZip + " is not an Elasticsearch distribution (expected one folder with bin/elasticsearch)");
                }
                top = all.get(0);
            }
            try {
                Files.move(top, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.log(System.Logger.Level.INFO, "unpacked {0} into {1} in {2} ms",
                        distributionZip.getFileName(), target, String.valueOf((System.nanoTime() - started) / 1_000_000));
            } catch (FileSystemException e) {
                // lost the race against another process unpacking the same zip: theirs is as good as ours
                if (!isComplete(target)) {
                    throw e;
                }
            }
        } finally {
            FileTrees.deleteRecursively(tmp);
        }
        return target;
    }

    /**
     * The node's own Elasticsearch home in {@code workDir}, with the plugin installed, built by the
     * current user (root when root launches: the node user only reads it).
     */
    static Path nodeHome(Path distribution, Path pluginZip, Path workDir, Path javaHome) throws IOException, InterruptedException {
        Path home = workDir.resolve("es-home");
        Path stamp = workDir.resolve("es-home.stamp");
        String wanted = "distribution=" + distribution.toAbsolutePath() + "\nplugin-sha256=" + sha256(pluginZip) + "\n";
        if (Files.isDirectory(home) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(wanted)) {
            return home;
        }
        Files.deleteIfExists(stamp);
        FileTrees.deleteRecursively(home);
        Path tmp = workDir.resolve("es-home.tmp");
        FileTrees.deleteRecursively(tmp);
        linkTree(distribution, tmp);
        installPlugin(tmp, pluginZip, javaHome, workDir.resolve("logs/plugin-install.out"));
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stamp, wanted);
        return home;
    }

    /** Environment of every Elasticsearch command: our JDK, our config, nothing inherited that changes the JVM. */
    static void esEnvironment(Map<String, String> env, Path javaHome, Path confDir) {
        // the scripts warn about JAVA_HOME and pass JAVA_TOOL_OPTIONS & co. to the JVM: keep them out
        for (String var : List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "ES_JAVA_OPTS", "CLI_JAVA_OPTS")) {
            env.remove(var);
        }
        env.put("ES_JAVA_HOME", javaHome.toAbsolutePath().toString());
        env.put("ES_PATH_CONF", confDir.toAbsolutePath().toString());
    }

    private static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve("bin/elasticsearch")) && Files.isDirectory(dir.resolve("lib"));
    }

    /** Leftovers of unpacks killed half-way; a live unpack is never this old. */
    private static void removeAbandonedUnpacks(Path cacheDir, String name) throws IOException {
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> entries = Files.list(cacheDir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith("." + name + ".unpacking-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    FileTrees.deleteRecursively(p);
                }
            }
        }
    }

    /** Unzips keeping the Unix permissions stored in the zip (bin/ scripts must stay executable). */
    private static void unzip(Path zip, Path into) throws IOException {
        try (FileSystem zfs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(zfs.getPath("/"))) {
            Path root = zfs.getPath("/");
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path dest = into.resolve(root.relativize(entry).toString()).normalize();
                if (!dest.startsWith(into)) {
                    throw new IOException("zip entry escapes the target folder: " + entry);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(entry, dest);
                }
                Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
                perms.addAll(Files.getPosixFilePermissions(entry));
                perms.add(PosixFilePermission.OWNER_READ);
                perms.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(dest, perms);
            }
        }
    }

    /** Mirrors {@code from} into {@code to} with hard links, except config (copied) and plugins (empty). */
    private static void linkTree(Path from, Path to) throws IOException {
        boolean link = true;
        try (Stream<Path> entries = Files.walk(from)) {
            for (Path src : (Iterable<Path>) entries::iterator) {
                Path rel = from.relativize(src);
                Path dest = to.resolve(rel.toString());
                String top = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dest);
                    Files.setPosixFilePermissions(dest, Files.getPosixFilePermissions(src));
                } else if (top.equals("plugins")) {
                    continue;
                } else if (top.equals("config") || !link) {
                    // config is copied: the installer and Elasticsearch may write there, never into the cache
                    Files.copy(src, dest, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    try {
                        Files.createLink(dest, src);
                    } catch (FileSystemException | UnsupportedOperationException e) {
                        LOG.log(System.Logger.Level.INFO, "cannot hard-link from {0} ({1}); copying instead", from, e.getMessage());
                        link = false;
                        Files.copy(src, dest, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void installPlugin(Path home, Path pluginZip, Path javaHome, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/elasticsearch-plugin").toString(),
                "install", "--batch", pluginZip.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        esEnvironment(pb.environment(), javaHome, home.resolve("config"));
        long started = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(PLUGIN_INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("elasticsearch-plugin install timed out; output:\n" + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new IOException("elasticsearch-plugin install " + pluginZip + " failed (exit " + p.exitValue()
                    + "); output:\n" + Files.readString(log));
        }
        LOG.log(System.Logger.Level.INFO, "installed {0} into {1} in {2} ms",
                pluginZip.getFileName(), home, String.valueOf((System.nanoTime() - started) / 1_000_000));
    }

    /** The name a plugin zip installs under: {@code name} of its (stable or classic) plugin descriptor. */
    static String pluginName(Path pluginZip) throws IOException {
        try (FileSystem zfs = FileSystems.newFileSystem(pluginZip)) {
            for (String descriptor : List.of("stable-plugin-descriptor.properties", "plugin-descriptor.properties")) {
                Path file = zfs.getPath(descriptor);
                if (Files.isRegularFile(file)) {
                    Properties props = new Properties();
                    try (InputStream in = Files.newInputStream(file)) {
                        props.load(in);
                    }
                    String name = props.getProperty("name");
                    if (name != null && !name.isBlank()) {
                        return name.strip();
                    }
                }
            }
        }
        throw new IOException(pluginZip + " has no plugin descriptor with a name");
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
