package io.newsflow.search.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiskWatermarkTest {
    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void aPercentageIsTheShareOfTheDiskThatMayBeUsed() {
        DiskWatermark low = DiskWatermark.parse("85%", "-1");
        assertThat(low.requiredFreeBytes(100 * GB)).isEqualTo(15 * GB);
        assertThat(low.refusal("n1", 100 * GB, 20 * GB, 4 * GB)).isEmpty();
        assertThat(low.refusal("n1", 100 * GB, 20 * GB, 6 * GB)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("node n1", "20.0 GB free of 100.0 GB", "(6.0 GB)", "leave 14.0 GB", "85%", "at least 15.0 GB free"));
    }

    @Test
    void aRatioReadsLikeAPercentage() {
        assertThat(DiskWatermark.parse("0.85", null).requiredFreeBytes(100 * GB)).isEqualTo(15 * GB);
    }

    @Test
    void onALargeDiskAtMostTheHeadroomMustStayFree() {
        DiskWatermark low = DiskWatermark.parse("85%", "200gb");
        assertThat(low.requiredFreeBytes(10_000 * GB)).isEqualTo(200 * GB);
        assertThat(low.requiredFreeBytes(100 * GB)).isEqualTo(15 * GB);
    }

    @Test
    void anAmountIsTheSpaceThatMustStayFree() {
        DiskWatermark low = DiskWatermark.parse("500mb", "200gb");
        assertThat(low.requiredFreeBytes(100 * GB)).isEqualTo(500L * 1024 * 1024);
        assertThat(DiskWatermark.parse("1.5gb", null).requiredFreeBytes(GB)).isEqualTo(GB * 3 / 2);
        assertThat(low.refusal("n1", 100 * GB, GB, 500L * 1024 * 1024)).isEmpty();
        assertThat(low.refusal("n1", 100 * GB, GB, 600L * 1024 * 1024)).isPresent();
    }

    @Test
    void aValueThatIsNoWatermarkIsRefused() {
        assertThatThrownBy(() -> DiskWatermark.parse("lots", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
