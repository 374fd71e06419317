package io.newsflow.ingest.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedPagesTest {
    private static final String SHA = "d79d82bd7f5a9708d79d82bd7f5a9708d79d82bd7f5a9708d79d82bd7f5a9708";

    @Test
    void contentPublishedOnceIsKnownToANewInstanceOnTheSameFolder(@TempDir Path state) throws Exception {
        PublishedPages first = new PublishedPages(state, Duration.ofMinutes(1));
        assertThat(first.reserve(SHA)).isEqualTo(PublishedPages.Reservation.RESERVED);
        first.markPublished(SHA, "front.txt", Instant.now());

        PublishedPages afterRestart = new PublishedPages(state, Duration.ofMinutes(1));

        assertThat(afterRestart.reserve(SHA)).isEqualTo(PublishedPages.Reservation.ALREADY_PUBLISHED);
        assertThat(afterRestart.firstFileName(SHA)).contains("front.txt");
    }

    @Test
    void aReservationKeepsOthersOffUntilReleasedOrExpired(@TempDir Path state) throws Exception {
        PublishedPages one = new PublishedPages(state, Duration.ofMinutes(1));
        PublishedPages other = new PublishedPages(state, Duration.ofMinutes(1));

        assertThat(one.reserve(SHA)).isEqualTo(PublishedPages.Reservation.RESERVED);
        assertThat(other.reserve(SHA)).isEqualTo(PublishedPages.Reservation.IN_FLIGHT_ELSEWHERE);

        one.release(SHA);
        assertThat(other.reserve(SHA)).isEqualTo(PublishedPages.Reservation.RESERVED);

        // left by a crash two minutes ago
        Files.setLastModifiedTime(state.resolve("published/d7/" + SHA + ".pending"), FileTime.from(Instant.now().minusSeconds(120)));
        assertThat(one.reserve(SHA)).isEqualTo(PublishedPages.Reservation.RESERVED);
    }
}
