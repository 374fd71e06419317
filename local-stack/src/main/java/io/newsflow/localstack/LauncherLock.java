package io.newsflow.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * One launcher at a time on a data folder: {@code up}, {@code down} and {@code restart} hold an exclusive lock on
 * {@code run/launcher.lock}, and a second launcher waits for it a bounded time. The file names its holder for the
 * message of the one that waits. The operating system releases the lock when its holder exits, however it exits, so a
 * lock file left behind never blocks anyone.
 */
final class LauncherLock implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LauncherLock.class.getName());
    private static final long POLL_MILLIS = 200;
    private static final long HOLDER_WRITE_MILLIS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** Thrown when another launcher still holds the lock once the wait is over. */
    static final class HeldElsewhere extends IOException {
        HeldElsewhere(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private LauncherLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a data folder. */
    static Path file(Path home) {
        return home.resolve("run").resolve("launcher.lock");
    }

    /**
     * Takes the lock of {@code home} for {@code command}, waiting up to {@code wait} for another launcher to finish;
     * says once that it waits, and for whom.
     *
     * @throws HeldElsewhere when the other launcher still holds it after {@code wait}
     */
    static LauncherLock acquire(Path home, String command, Duration wait) throws IOException, InterruptedException {
        Path file = file(home);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long started = System.nanoTime();
            long deadline = started + wait.toNanos();
            boolean said = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    writeHolder(channel, command);
                    return new LauncherLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new HeldElsewhere("another bin/newsflow is running (" + holder(file) + ") and still holds " + file
                            + " after " + describe(wait) + "; run this command again once it has finished");
                }
                // the file still names the previous holder for the moment between a new holder's lock and its write
                if (!said && (holderIsAlive(file) || System.nanoTime() - started > HOLDER_WRITE_MILLIS * 1_000_000)) {
                    LOG.log(System.Logger.Level.INFO, "another bin/newsflow is running ({0}); waiting up to {1} for it to finish",
                            holder(file), describe(wait));
                    said = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or null while another process (or another caller in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel, String command) throws IOException {
        String holder = "pid=" + ProcessHandle.current().pid() + "\ncommand=" + command
                + "\nsince=" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static boolean holderIsAlive(Path file) {
        try {
            return ChildProcesses.isAlive(Long.parseLong(read(file).getProperty("pid", "")));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code pid N, bin/newsflow up since 10:42:07}, as far as the file tells. */
    private static String holder(Path file) {
        Properties holder = read(file);
        String pid = holder.getProperty("pid", "unknown");
        String command = holder.getProperty("command");
        String since = holder.getProperty("since");
        String text = "pid " + pid;
        if (command != null) {
            text += ", bin/newsflow " + command;
        }
        if (since != null) {
            try {
                text += " since " + TIME.format(Instant.parse(since));
            } catch (java.time.format.DateTimeParseException e) {
                // an odd file: the pid is what matters
            }
        }
        return text;
    }

    private static String describe(Duration wait) {
        return wait.toMinutes() >= 2 ? wait.toMinutes() + " min" : wait.toSeconds() >= 1 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    private static Properties read(Path file) {
        Properties holder = new Properties();
        try (var in = Files.newInputStream(file)) {
            holder.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: nothing known of the holder
        }
        return holder;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
