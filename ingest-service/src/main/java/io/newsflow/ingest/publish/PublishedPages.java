package io.newsflow.ingest.publish;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The hashes of every page published, one small file each under {@code <state>/published/ab/<sha256>}: survives
 * restarts and is shared by the instances on one folder. A hash is reserved ({@code <sha256>.pending}, created
 * atomically) before its page is sent, so two instances never send the same content at once; a reservation left
 * by a crash expires.
 */
public final class PublishedPages {
    /** What {@link #reserve} found. */
    public enum Reservation { RESERVED, ALREADY_PUBLISHED, IN_FLIGHT_ELSEWHERE }

    private final Path root;
    private final Duration reservationExpiry;

    public PublishedPages(Path stateDir, Duration reservationExpiry) {
        this.root = stateDir.resolve("published");
        this.reservationExpiry = reservationExpiry;
    }

    public Reservation reserve(String sha256) throws IOException {
        Path published = published(sha256);
        if (Files.exists(published)) {
            return Reservation.ALREADY_PUBLISHED;
        }
        Path pending = pending(sha256);
        Files.createDirectories(pending.getParent());
        try {
            Files.createFile(pending);
            // published between the first look and the reservation
            if (Files.exists(published)) {
                Files.deleteIfExists(pending);
                return Reservation.ALREADY_PUBLISHED;
            }
            return Reservation.RESERVED;
        } catch (FileAlreadyExistsException e) {
            if (isExpired(pending)) {
                Files.deleteIfExists(pending);
                return reserve(sha256);
            }
            return Reservation.IN_FLIGHT_ELSEWHERE;
        }
    }

    /** Records the page as published (after Kafka's ack) and drops the reservation. */
    public void markPublished(String sha256, String fileName, Instant at) throws IOException {
        Path published = published(sha256);
        Path temporary = published.resolveSibling(sha256 + ".tmp");
        Files.writeString(temporary, fileName + "\n" + at + "\n");
        Files.move(temporary, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(pending(sha256));
    }

    /** Gives the reservation up (the page was not sent). */
    public void release(String sha256) throws IOException {
        Files.deleteIfExists(pending(sha256));
    }

    /** The file name under which the content was first published, if it was. */
    public Optional<String> firstFileName(String sha256) throws IOException {
        try {
            return Files.readAllLines(published(sha256)).stream().findFirst();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private boolean isExpired(Path pending) {
        try {
            return Files.getLastModifiedTime(pending).toInstant().plus(reservationExpiry).isBefore(Instant.now());
        } catch (IOException e) {
            return true; // gone meanwhile
        }
    }

    private Path published(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path pending(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".pending");
    }
}
