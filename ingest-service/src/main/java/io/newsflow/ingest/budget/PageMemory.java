package io.newsflow.ingest.budget;

import io.newsflow.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The service's one {@link ByteBudget} of page bytes in memory ({@code newsflow.ingest.bytes-in-flight}). */
@ApplicationScoped
public class PageMemory {
    private final ByteBudget budget;

    public PageMemory(IngestConfig config) {
        long capacity = config.bytesInFlight().asLongValue();
        long maxFile = config.maxFileSize().asLongValue();
        if (capacity < maxFile) {
            // a page of the largest accepted size would never get its bytes and wait for ever
            throw new IllegalStateException("newsflow.ingest.bytes-in-flight (" + capacity
                    + " bytes) must be at least newsflow.ingest.max-file-size (" + maxFile + " bytes)");
        }
        this.budget = new ByteBudget(capacity);
    }

    public Optional<ByteBudget.Permit> tryAcquire(long bytes) {
        return budget.tryAcquire(bytes);
    }

    public ByteBudget budget() {
        return budget;
    }
}
