package io.newsflow.pagefiles;

/**
 * A file is refused as a page: its bytes are no text or no plausible Chinese page, it is no regular file, or what
 * tells its issue date is broken.
 * The reason code goes into metrics, the message and type into the error report.
 */
public class NotTextException extends Exception {
    /** Why a file was refused; also the {@code reason} tag of the failure metric. */
    public enum Reason {
        EMPTY, BINARY, CONTROL_CHARACTERS, TOO_LARGE,
        /** a symbolic link, FIFO, device or socket: never opened */
        NOT_REGULAR_FILE,
        /** the service may not read it (permissions, I/O error) */
        UNREADABLE,
        /** its sidecar is empty, malformed, too large, not a regular file, or has no usable {@code issueDate} */
        SIDECAR,
        /** the issue date it gives lies outside the plausible range */
        ISSUE_DATE,
        /** the decoded text is no plausible Chinese: mostly rare, private-use or unassigned characters (mojibake) */
        IMPLAUSIBLE_TEXT,
        /** the decoded text has hardly any Chinese characters */
        NOT_CHINESE,
        /** the decoded text has too few Chinese characters for an article */
        TOO_SHORT;

        /** The reason as it appears in reports and metric tags: {@code too-large}, {@code issue-date}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final String detectedType;

    public NotTextException(Reason reason, String detectedType, String message) {
        super(message);
        this.reason = reason;
        this.detectedType = detectedType;
    }

    public Reason reason() {
        return reason;
    }

    /** What the bytes look like, for the error report ({@code empty}, {@code binary}, {@code text/plain; charset=…}). */
    public String detectedType() {
        return detectedType;
    }
}
