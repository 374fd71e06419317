package io.newsflow.bench.stack;

import io.newsflow.bench.corpus.GeneratedPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops pages into the bench system's inbox the way README asks of any writer: the file is written completely under
 * a staging folder on the same file system, then renamed into the inbox atomically, so ingest never sees half a file.
 */
public final class Inbox {
    private final Path staging;
    private final Path inbox;

    Inbox(Path staging, Path inbox) {
        this.staging = staging;
        this.inbox = inbox;
    }

    public Path folder() {
        return inbox;
    }

    /** Writes the pages into the staging folder; nothing is in the inbox yet. */
    public List<Path> stage(List<GeneratedPage> pages) throws IOException {
        Files.createDirectories(staging);
        List<Path> staged = new ArrayList<>(pages.size());
        for (GeneratedPage page : pages) {
            staged.add(Files.write(staging.resolve(page.fileName()), page.bytes()));
        }
        return staged;
    }

    /** Moves a staged file into the inbox (atomic rename). */
    public void release(Path staged) throws IOException {
        Files.move(staged, inbox.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stages and releases one page; returns {@link System#nanoTime()} right after the rename. */
    public long drop(GeneratedPage page) throws IOException {
        Path staged = stage(List.of(page)).getFirst();
        release(staged);
        return System.nanoTime();
    }

    /** Files in the inbox's {@code failed/} sibling: pages ingest refused. */
    public long failedFiles() throws IOException {
        Path failed = inbox.resolveSibling("failed");
        if (!Files.isDirectory(failed)) {
            return 0;
        }
        try (var files = Files.walk(failed)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".error.json")).count();
        }
    }
}
