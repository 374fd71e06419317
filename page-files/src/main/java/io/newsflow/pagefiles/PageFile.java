package io.newsflow.pagefiles;

import io.newsflow.model.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/** A page file read the way ingest reads it: content hash, decoded text, issue date. */
public final class PageFile {
    private PageFile() {
    }

    /** Hex SHA-256 of a file's bytes: the page's key on {@code news.pages} and the prefix of its article ids. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The {@link Page} of {@code file}. The issue date is {@code issueDate} when given (source sidecar), otherwise
     * resolved as ingest does, with the file's path as given and a sidecar {@code <name>.json} beside it.
     */
    public static Page read(Path file, Optional<LocalDate> issueDate, ZoneId zone, Instant receivedAt)
            throws IOException, NotTextException {
        byte[] bytes = Files.readAllBytes(file);
        DecodedText decoded = new PageDecoder().decode(bytes);
        IssueDateResolver resolver = new IssueDateResolver(zone);
        IssueDateResolver.ResolvedDate date = issueDate.isPresent()
                ? resolver.given(issueDate.get(), "the given issue date")
                : resolver.resolve(file, sidecar(file), mtime(file));
        return new Page(sha256(bytes), file.getFileName().toString(), date.date(), date.source(), decoded.charset(),
                decoded.text(), bytes.length, receivedAt);
    }

    private static Optional<Path> sidecar(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path candidate = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
        // a link or FIFO there is handed on too: the resolver refuses it rather than following or opening it
        return Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) ? Optional.of(candidate) : Optional.empty();
    }

    private static FileTime mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
