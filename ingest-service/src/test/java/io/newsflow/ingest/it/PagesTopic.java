package io.newsflow.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.TopicReader;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The {@code news.pages} topic as the tests read it: every record so far, as JSON. */
final class PagesTopic implements AutoCloseable {
    private final TopicReader reader;

    PagesTopic(String bootstrapServers) {
        this.reader = new TopicReader(bootstrapServers, Topics.PAGES);
    }

    /** The pages published so far with this key (sha256). */
    List<JsonNode> pagesWithKey(String sha256) {
        return reader.poll().stream().filter(r -> sha256.equals(r.key())).map(PagesTopic::json).toList();
    }

    List<ConsumerRecord<String, String>> all() {
        return reader.poll();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return NewsJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
