package io.newsflow.ingest.publish;

/** A page could not be handed to Kafka durably; the file stays in (or goes back to) the inbox. */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
