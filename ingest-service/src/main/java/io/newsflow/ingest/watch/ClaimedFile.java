package io.newsflow.ingest.watch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A page file this instance claimed: moved into its own folder under {@code processing/}, with its sidecar.
 *
 * @param claimDir     the claim's folder; removed when the file leaves it
 * @param file         where the file is now
 * @param relativePath where it was, relative to the inbox (folder names feed the issue-date rule)
 * @param sidecar      its {@code <name>.json}, if one was beside it
 */
public record ClaimedFile(Path claimDir, Path file, Path relativePath, Optional<Path> sidecar) {
    public String fileName() {
        return file.getFileName().toString();
    }
}
