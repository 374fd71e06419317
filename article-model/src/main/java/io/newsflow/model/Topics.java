package io.newsflow.model;

/** Kafka topic names shared by the services. */
public final class Topics {
    /** Pages published by ingest-service, key = page sha256. */
    public static final String PAGES = "news.pages";
    /** Pages enrich-service could not process, with the reason in the record headers. */
    public static final String PAGES_DLQ = "news.pages.dlq";
    /** Articles produced by enrich-service, key = article id; compacted. */
    public static final String ARTICLES = "news.articles";
    /** Articles search-service could not index, with the reason in the record headers. */
    public static final String ARTICLES_DLQ = "news.articles.dlq";
    /**
     * Saved searches (search-service), key = saved search id, value = its JSON, a tombstone when deleted; compacted,
     * so the topic holds every saved search for good and each instance reads them all at start.
     */
    public static final String SAVED_SEARCHES = "news.saved-searches";
    /**
     * Largest record of the page topics and of the producers that write them: a page file may hold 5 MB of text,
     * and its JSON escapes grow it.
     */
    public static final int PAGE_RECORD_MAX_BYTES = 8 * 1024 * 1024;

    private Topics() {
    }
}
