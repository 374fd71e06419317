package io.newsflow.ingest.process;

/** What became of one claimed file. */
public enum IngestOutcome {
    /** Kafka acknowledged the page; the file is archived. */
    PUBLISHED,
    /** The content was published before; the file is archived with a note. */
    DUPLICATE,
    /** Not a page; the file is in {@code failed/} with its reason. */
    FAILED,
    /** It changed after it was claimed; it is back in the inbox, to be taken again as what it then holds. */
    CHANGED,
    /** Kafka did not take it (or another instance is sending the same content); the file is back in the inbox. */
    RETRY_LATER
}
