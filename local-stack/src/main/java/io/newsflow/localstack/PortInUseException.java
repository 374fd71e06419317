package io.newsflow.localstack;

import java.io.IOException;

/** A server of the stack could not bind its port: another process took it. Starting again on other ports helps. */
public class PortInUseException extends IOException {
    public PortInUseException(String message) {
        super(message);
    }

    /** A start failure with the end of the server's log: a PortInUseException when the log says binding failed. */
    static IOException failedStart(String message, String log) {
        return log.contains("Address already in use") || log.contains("BindException")
                ? new PortInUseException(message) : new IOException(message);
    }
}
