package io.newsflow.ingest.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists the page files of the inbox and its subfolders. Hidden files and folders, files still being written by
 * common tools ({@code .part}, {@code .tmp}, {@code .crdownload}, {@code ~}) and sidecars ({@code .json}, which
 * travel with their page) are not pages. Symbolic links, FIFOs and devices with a page's name are listed too (the
 * walk never follows a link), so that they go to {@code failed/} with a reason instead of waiting unseen.
 */
public final class InboxScanner {
    private static final List<String> IGNORED_ENDINGS = List.of(".part", ".tmp", ".crdownload", "~", ".json");

    public static boolean isPageFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && IGNORED_ENDINGS.stream().noneMatch(lower::endsWith);
    }

    /** Page files under {@code inbox}, oldest modification first, with their size and modification time. */
    public Map<Path, StabilityTracker.FileState> scan(Path inbox) throws IOException {
        Map<Path, StabilityTracker.FileState> files = new LinkedHashMap<>();
        Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(inbox) || !dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && isPageFileName(file.getFileName().toString())) {
                    files.put(file, new StabilityTracker.FileState(attrs.size(), attrs.lastModifiedTime()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished between listing and reading: the next scan sees the truth
            }
        });
        Map<Path, StabilityTracker.FileState> oldestFirst = new LinkedHashMap<>();
        files.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.modified().compareTo(b.modified())))
                .forEach(e -> oldestFirst.put(e.getKey(), e.getValue()));
        return oldestFirst;
    }
}
