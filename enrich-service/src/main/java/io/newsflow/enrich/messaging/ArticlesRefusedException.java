package io.newsflow.enrich.messaging;

/**
 * Kafka refused one of a page's articles for what it is (too large, not serializable): retrying cannot help, so the
 * page goes to the dead-letter topic with this as its reason.
 */
public class ArticlesRefusedException extends RuntimeException {
    public ArticlesRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
