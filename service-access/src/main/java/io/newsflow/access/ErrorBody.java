package io.newsflow.access;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON body of every error answer: the status, a message for the caller and an id that the service's log line of
 * the same failure carries too ({@code errorId=}), so an operator finds the cause without it being shown to the caller.
 */
public record ErrorBody(int status, String error, String id) {

    public ErrorBody(int status, String error) {
        this(status, error, newId());
    }

    /** 12 hex digits: unique enough to find one failure in a day of logs; not a secret, so no SecureRandom. */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    }
}
