package io.newsflow.pagefiles;

/** The bytes of a file are not a page: the reason code goes into metrics, the message and type into the error report. */
public class NotTextException extends Exception {
    /** Why a file was refused; also the {@code reason} tag of the failure metric. */
    public enum Reason { EMPTY, BINARY, CONTROL_CHARACTERS, TOO_LARGE }

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
