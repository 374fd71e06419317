package io.newsflow.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The system account that runs servers which refuse to run as root (Elasticsearch).
 *
 * <p>Processes are launched through {@code setpriv}, which execs the command in place: the pid we see is
 * the command's own, nothing stays behind as an extra parent, and signals reach the real process.
 * ({@code runuser} forks and waits, adding a root-owned parent process.)
 */
final class UnprivilegedUser {

    static final String NAME = "newsflow";

    private static final System.Logger LOG = System.getLogger(UnprivilegedUser.class.getName());

    private final UserPrincipal user;
    private final GroupPrincipal group;

    private UnprivilegedUser(UserPrincipal user, GroupPrincipal group) {
        this.user = user;
        this.group = group;
    }

    /** The account to switch to when this JVM runs as root; empty when it does not (run as ourselves). */
    static Optional<UnprivilegedUser> whenRoot() throws IOException, InterruptedException {
        // the owner of /proc/self is this process's effective uid
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) {
            return Optional.empty();
        }
        ensureAccount();
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        return Optional.of(new UnprivilegedUser(
                lookup.lookupPrincipalByName(NAME), lookup.lookupPrincipalByGroupName(NAME)));
    }

    private static void ensureAccount() throws IOException, InterruptedException {
        if (run(List.of("getent", "passwd", NAME)) == 0) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "creating system user {0} to run Elasticsearch (it refuses to run as root)", NAME);
        int rc = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", NAME));
        // another process may have created it meanwhile: only the end state matters
        if (rc != 0 && run(List.of("getent", "passwd", NAME)) != 0) {
            throw new IOException("could not create system user " + NAME + " (useradd exit code " + rc + ")");
        }
    }

    /** Prefix that makes a command run as this user, with its groups. */
    List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups");
    }

    /** Hands {@code dir} and everything below it to this user, except the paths in {@code keep}. */
    void chown(Path dir, Set<Path> keep) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (keep.contains(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                own(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (!keep.contains(f)) {
                    own(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void own(Path p) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(user);
        view.setGroup(group);
    }

    /**
     * Fails with a clear message when this user cannot write {@code writable} or run {@code executable},
     * typically because a parent folder is private to root (e.g. a work folder under /root).
     */
    void checkAccess(Path writable, Path executable) throws IOException, InterruptedException {
        var cmd = new java.util.ArrayList<>(commandPrefix());
        cmd.addAll(List.of("test", "-w", writable.toString(), "-a", "-x", executable.toString()));
        if (run(cmd) != 0) {
            throw new IOException("user " + NAME + " cannot write " + writable + " or run " + executable
                    + ": choose a work folder whose parents others may enter (chmod o+x), e.g. under /tmp or the project");
        }
    }

    /**
     * Fails at once, naming the fix, when this user cannot reach {@code dir}: a parent folder private to root (a
     * {@code mktemp -d} folder is 0700, so is /root) would otherwise stop Elasticsearch only after the broker started.
     */
    void checkCanEnter(Path dir) throws IOException, InterruptedException {
        var cmd = new java.util.ArrayList<>(commandPrefix());
        cmd.addAll(List.of("test", "-x", dir.toString()));
        if (run(cmd) != 0) {
            Path blocking = dir;
            for (Path p = dir; p != null; p = p.getParent()) {
                if (!Files.isDirectory(p) || !Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    blocking = p;
                }
            }
            throw new IOException("Elasticsearch runs as user " + NAME + " (it refuses root), and that user cannot enter "
                    + dir + ": " + blocking + " is closed to other users. Let them enter it (chmod o+x " + blocking
                    + ") or choose a NEWSFLOW_HOME whose parent folders others may enter, such as one under /tmp");
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        // the outputs here are tiny; read them so the child never blocks on a full pipe
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            LOG.log(System.Logger.Level.DEBUG, "{0} exited with {1}: {2}", command, p.exitValue(), out.strip());
        }
        return p.exitValue();
    }
}
