package io.newsflow.localstack;

import java.io.IOException;

/** A server of the stack could not bind its port: another process took it. Starting again on other ports helps. */
public class PortInUseException extends IOException {
    public PortInUseException(String message) {
        super(message);
    }

    public PortInUseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a server's log says that binding its port failed. */
    static boolean saidBy(String log) {
        return log.contains("Address already in use") || log.contains("BindException");
    }
}
