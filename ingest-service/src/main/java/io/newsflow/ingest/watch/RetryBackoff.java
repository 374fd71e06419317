package io.newsflow.ingest.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How long a file whose publication failed waits before it is tried again: {@code first}, doubling with every
 * further failure up to {@code max}. A file that succeeds, or leaves the inbox by other means (deleted, taken by
 * another instance), is forgotten, so the memory held is bounded by the files present. Not thread-safe: the scan
 * loop uses it.
 */
final class RetryBackoff {
    private final Duration first;
    private final Duration max;
    private final Map<Path, Duration> waits = new HashMap<>();

    RetryBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after one more failure of {@code file}. */
    Duration failed(Path file) {
        return waits.merge(file, first, (previous, ignored) -> previous.multipliedBy(2).compareTo(max) <= 0 ? previous.multipliedBy(2) : max);
    }

    /** The file is done (published, failed, a duplicate): a later failure starts from {@code first} again. */
    void done(Path file) {
        waits.remove(file);
    }

    /** Forgets every file but these (the files of a scan and those in work). */
    void retainOnly(Set<Path> present) {
        waits.keySet().retainAll(present);
    }

    int size() {
        return waits.size();
    }
}
