package io.newsflow.search.index;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch's low disk watermark ({@code cluster.routing.allocation.disk.watermark.low}) as a rule about one
 * node's disk: a share of the disk that may be used ({@code 85%}, {@code 0.85}; for a share, at most
 * {@code max_headroom} needs to stay free on a large disk) or an amount that must stay free ({@code 500mb}).
 */
public record DiskWatermark(String setting, double maxUsedRatio, long minFreeBytes, long maxHeadroomBytes) {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern RATIO = Pattern.compile("\\d*(?:\\.\\d+)?");
    private static final List<String> UNITS = List.of("b", "kb", "mb", "gb", "tb", "pb");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|pb)");

    /**
     * @param watermark   the setting's value
     * @param maxHeadroom the {@code .max_headroom} setting's value, {@code -1} or null for none
     */
    public static DiskWatermark parse(String watermark, String maxHeadroom) {
        String value = watermark.strip().toLowerCase(Locale.ROOT);
        long headroom = maxHeadroom == null || maxHeadroom.isBlank() || maxHeadroom.strip().equals("-1") ? -1 : bytes(maxHeadroom);
        Matcher percent = PERCENT.matcher(value);
        if (percent.matches()) {
            return new DiskWatermark(watermark, Double.parseDouble(percent.group(1)) / 100, -1, headroom);
        }
        if (RATIO.matcher(value).matches() && !value.isEmpty()) {
            return new DiskWatermark(watermark, Double.parseDouble(value), -1, headroom);
        }
        return new DiskWatermark(watermark, -1, bytes(value), -1);
    }

    /** Bytes that must stay free on a disk of this size. */
    public long requiredFreeBytes(long totalBytes) {
        if (minFreeBytes >= 0) {
            return minFreeBytes;
        }
        long share = Math.round(totalBytes * (1 - maxUsedRatio));
        return maxHeadroomBytes >= 0 ? Math.min(share, maxHeadroomBytes) : share;
    }

    /**
     * Why a copy of {@code copyBytes} must not be written to a node's disk, or empty when it fits above the watermark.
     */
    public Optional<String> refusal(String node, long totalBytes, long availableBytes, long copyBytes) {
        long required = requiredFreeBytes(totalBytes);
        long left = availableBytes - copyBytes;
        if (left >= required) {
            return Optional.empty();
        }
        return Optional.of("node " + node + " has " + human(availableBytes) + " free of " + human(totalBytes)
                + "; a copy of the index (" + human(copyBytes) + ") would leave " + human(Math.max(0, left))
                + ", under the low disk watermark " + setting + " (at least " + human(required) + " free)");
    }

    static long bytes(String value) {
        Matcher m = BYTES.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a disk watermark: " + value);
        }
        int power = UNITS.indexOf(m.group(2));
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (int) (Math.log(bytes) / Math.log(1024));
        return String.format(Locale.ROOT, "%.1f %sB", bytes / Math.pow(1024, unit), "KMGTP".charAt(unit - 1));
    }
}
