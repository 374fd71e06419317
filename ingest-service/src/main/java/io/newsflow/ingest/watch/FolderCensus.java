package io.newsflow.ingest.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.NewsJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Counts the files of ingest's folders for the operator: page files waiting in the inbox (subfolders included),
 * being published in {@code processing/}, refused into {@code failed/}, and the newest refused ones with the reason
 * their {@code .error.json} report gives. Bounded: no folder is listed beyond {@code limit} page files (a count that
 * reaches it means at least that many), and only the reports of the newest few are read.
 */
public final class FolderCensus {
    /** The report beside a refused file ({@link InboxFolders#fail}). */
    static final String REPORT_SUFFIX = ".error.json";
    /** A report larger than this is not one ingest wrote: its reason is not read. */
    private static final long MAX_REPORT_BYTES = 65_536;

    private final int limit;
    private final int newestListed;

    public FolderCensus(int limit, int newestListed) {
        this.limit = limit;
        this.newestListed = newestListed;
    }

    /** A refused file: its name in {@code failed/}, the report's reason (empty without one) and when it was refused. */
    public record FailedFile(String name, String reason, Instant time) {
    }

    /** Files in {@code failed/}: how many (at most the limit) and the newest of them. */
    public record Refused(long count, List<FailedFile> newest) {
    }

    /**
     * Page files under {@code folder} and its subfolders (not hidden ones), as the inbox scan sees them, at most the
     * limit. The walk follows no link but the folder itself.
     *
     * @throws InboxScanner.NotAFolderException when {@code folder} is no folder
     */
    public long pageFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InboxScanner.NotAFolderException("\"" + folder.getFileName() + "\" is not a folder");
        }
        Path root = folder.toRealPath();
        long[] count = {0};
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return InboxScanner.isScanned(root, dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && InboxScanner.isPageFileName(file.getFileName().toString())) {
                    count[0]++;
                }
                return count[0] >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone between listing and reading
            }
        });
        return count[0];
    }

    /**
     * The refused files directly in {@code failed}: counted up to the limit, the newest (by their report's time of
     * writing, else their own modification time) among those listed, with the reason of each.
     */
    public Refused refused(Path failed) throws IOException {
        if (!Files.isDirectory(failed)) {
            throw new InboxScanner.NotAFolderException("\"" + failed.getFileName() + "\" is not a folder");
        }
        Comparator<FailedFile> byTime = Comparator.comparing(FailedFile::time);
        PriorityQueue<FailedFile> newest = new PriorityQueue<>(byTime); // the oldest of the kept ones on top
        long count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(failed)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!InboxScanner.isPageFileName(name) || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // reports, sidecars, notes being written
                }
                count++;
                newest.add(new FailedFile(name, "", refusedAt(entry)));
                if (newest.size() > newestListed) {
                    newest.poll();
                }
                if (count >= limit) {
                    break;
                }
            }
        }
        List<FailedFile> listed = newest.stream().sorted(byTime.reversed())
                .map(f -> new FailedFile(f.name(), reason(failed.resolve(f.name() + REPORT_SUFFIX)), f.time()))
                .toList();
        return new Refused(count, listed);
    }

    private static Instant refusedAt(Path file) {
        Path report = file.resolveSibling(file.getFileName() + REPORT_SUFFIX);
        for (Path candidate : List.of(report, file)) {
            try {
                return Files.getLastModifiedTime(candidate, LinkOption.NOFOLLOW_LINKS).toInstant();
            } catch (IOException e) {
                // no report (or the file is gone): the next candidate
            }
        }
        return Instant.EPOCH;
    }

    /** The {@code reason} of a report ingest wrote ({@code FileReports.error}); empty when there is none to read. */
    private static String reason(Path report) {
        try {
            if (!Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS) || Files.size(report) > MAX_REPORT_BYTES) {
                return "";
            }
            try (InputStream in = Files.newInputStream(report)) {
                JsonNode note = NewsJson.mapper().readTree(in);
                return note == null ? "" : note.path("reason").asText("");
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
