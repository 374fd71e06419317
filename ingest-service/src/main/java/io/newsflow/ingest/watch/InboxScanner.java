package io.newsflow.ingest.watch;

import io.newsflow.pagefiles.RegularFiles;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
 * walk never follows a link), so that they go to {@code failed/} with a reason instead of waiting unseen. The inbox
 * itself may be a link to a folder; when it is no folder at all, a scan says so instead of listing it.
 */
public final class InboxScanner {
    private static final List<String> IGNORED_ENDINGS = List.of(".part", ".tmp", ".crdownload", "~", ".json");

    public static boolean isPageFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && IGNORED_ENDINGS.stream().noneMatch(lower::endsWith);
    }

    /** Whether a folder below the inbox {@code root} is looked into: the root and every folder not hidden ({@code .name}). */
    static boolean isScanned(Path root, Path dir) {
        return dir.equals(root) || !dir.getFileName().toString().startsWith(".");
    }

    /**
     * Page files under {@code inbox}, oldest modification first, with their size and modification time.
     *
     * @throws NotAFolderException when {@code inbox} is no folder (missing, a file, a link to a file): nothing in or
     *                             of it is a page to take, least of all the inbox itself
     */
    public Map<Path, StabilityTracker.FileState> scan(Path inbox) throws IOException {
        Path root = folder(inbox);
        Map<Path, StabilityTracker.FileState> files = new LinkedHashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return isScanned(root, dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // the root itself is visited as a file when it became one since the look above: never a page
                if (!attrs.isDirectory() && !file.equals(root) && isPageFileName(file.getFileName().toString())) {
                    // under the inbox's own path, also when it is a link: every move is made relative to it
                    files.put(root == inbox ? file : inbox.resolve(root.relativize(file)),
                            new StabilityTracker.FileState(attrs.size(), attrs.lastModifiedTime()));
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

    /**
     * Where to walk: the inbox itself, or the folder it links to (the walk never follows links, so a linked inbox
     * would be visited as one file).
     */
    private static Path folder(Path inbox) throws IOException {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(inbox, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NotAFolderException("inbox \"" + inbox + "\" does not exist: nothing is taken until it is a folder");
        }
        if (own.isDirectory()) {
            return inbox;
        }
        if (own.isSymbolicLink() && Files.isDirectory(inbox)) {
            return inbox.toRealPath();
        }
        throw new NotAFolderException("inbox \"" + inbox + "\" is " + (own.isSymbolicLink() ? "a symbolic link to no folder"
                : "a " + RegularFiles.kind(own)) + ", not a folder: nothing is taken until it is one");
    }

    /** The inbox is not a folder: there is nothing to scan, and its own entry must not be taken for a page. */
    public static final class NotAFolderException extends IOException {
        public NotAFolderException(String message) {
            super(message);
        }
    }
}
