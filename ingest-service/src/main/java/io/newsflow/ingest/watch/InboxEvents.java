package io.newsflow.ingest.watch;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * File-system events of the inbox tree (inotify on Linux): any event raises a flag that makes the next scan
 * come at once instead of at the periodic rescan. Events only wake the scanner; the scan decides what is there,
 * so a lost or overflowing event queue loses nothing.
 */
public final class InboxEvents implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboxEvents.class);

    private final Path inbox;
    private final WatchService watcher;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final Thread thread;

    public InboxEvents(Path inbox) throws IOException {
        this.inbox = inbox;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(inbox);
        this.thread = Thread.ofPlatform().name("inbox-events").daemon().unstarted(this::run);
        thread.start();
    }

    /** Whether something happened since the last call. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir) {
                        Path created = dir.resolve((Path) event.context());
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                changed.set(true);
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed at shutdown
        } catch (IOException e) {
            LOG.warnf("file-system events stopped, periodic rescans continue: %s", e.getMessage());
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }

    @Override
    public String toString() {
        return "InboxEvents[" + inbox + "]";
    }
}
