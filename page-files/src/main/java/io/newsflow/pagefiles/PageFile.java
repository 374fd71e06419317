package io.newsflow.pagefiles;

import io.newsflow.model.Page;

import java.io.IOException;
import java.io.InputStream;
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
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    /**
     * Hex SHA-256 of the first {@code maxBytes} bytes of a file, read as a stream (a symbolic link is not followed):
     * whether a file still holds the bytes read from it earlier, without holding both in memory.
     */
    public static String sha256(Path file, long maxBytes) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            long left = maxBytes;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The {@link Page} of {@code file}. The issue date is {@code issueDate} when given (source sidecar), otherwise
     * resolved as ingest does, with the file's path as given and a sidecar {@code <name>.json} beside it (none, with
     * no source, when only an unset or implausible modification time was left).
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
