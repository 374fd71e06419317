package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeNamesTest {

    @Test
    void keepsANameThatLeavesRoomForSuffixes() {
        assertThat(SafeNames.fitting("无锡日报-2024-09-06.txt")).isEqualTo("无锡日报-2024-09-06.txt");
    }

    @Test
    void shortensA255ByteNameKeepingItsStartAndExtensionAndTellingLongNamesApart() {
        String longName = "版".repeat(83) + "a.txt"; // 249 + 6 = 255 bytes
        String other = "版".repeat(83) + "b.txt";

        String fitting = SafeNames.fitting(longName);

        assertThat(SafeNames.bytes(fitting) + SafeNames.RESERVED_BYTES).isLessThanOrEqualTo(SafeNames.MAX_NAME_BYTES);
        assertThat(fitting).startsWith("版版版").endsWith(".txt").contains("~");
        assertThat(SafeNames.fitting(other)).isNotEqualTo(fitting);
    }

    @Test
    void replacesControlCharacters() {
        assertThat(SafeNames.fitting("a\nb\u001b.txt")).doesNotContain("\n", "\u001b").endsWith(".txt");
    }
}
