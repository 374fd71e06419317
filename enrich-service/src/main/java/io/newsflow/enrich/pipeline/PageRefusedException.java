package io.newsflow.enrich.pipeline;

/**
 * A page past one of the {@link PageLimits}: a bad record, dead-lettered with {@link #getMessage()} as the reason.
 * {@link #reason()} is a short word for metrics and logs.
 */
public final class PageRefusedException extends RuntimeException {
    private final String reason;

    public PageRefusedException(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** {@code page-too-long}, {@code repetitive-text}, {@code too-many-articles}, {@code article-too-long} or {@code too-slow}. */
    public String reason() {
        return reason;
    }
}
