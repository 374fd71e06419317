package io.newsflow.ingest.decode;

/** The file's bytes are not text in any charset ingest understands. */
public class UndecodableTextException extends RuntimeException {
    public UndecodableTextException(String message) {
        super(message);
    }
}
