package io.newsflow.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One newspaper page as it was received: the record on topic {@link Topics#PAGES}, keyed by {@link #sha256()}.
 *
 * @param sha256          hex sha256 of the file's bytes; the page's identity
 * @param fileName        name of the file as it was dropped (no folder)
 * @param issueDate       the newspaper's issue date, or {@code null} when nothing told it
 * @param issueDateSource where {@link #issueDate()} came from
 * @param charset         the charset the bytes were decoded with
 * @param text            the decoded text
 * @param sizeBytes       size of the file in bytes
 * @param receivedAt      when the page was taken from the inbox
 */
public record Page(
        String sha256,
        String fileName,
        LocalDate issueDate,
        IssueDateSource issueDateSource,
        String charset,
        String text,
        long sizeBytes,
        Instant receivedAt) {

    public Page {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(text, "text");
    }
}
