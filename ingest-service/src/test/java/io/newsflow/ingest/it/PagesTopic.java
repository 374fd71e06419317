package io.newsflow.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code news.pages} topic as the tests read it: every record so far, as JSON. A consumer of its own reads the
 * topic from the beginning in the background from the moment this is made until it is closed.
 */
final class PagesTopic implements AutoCloseable {
    private final KafkaCompanion kafka;
    private final ConsumerTask<String, String> records;

    PagesTopic(String bootstrapServers) {
        this.kafka = new KafkaCompanion(bootstrapServers);
        this.records = kafka.consumeStrings().fromTopics(Topics.PAGES);
    }

    /** The pages published so far with this key (sha256). */
    List<JsonNode> pagesWithKey(String sha256) {
        return all().stream().filter(r -> sha256.equals(r.key())).map(PagesTopic::json).toList();
    }

    List<ConsumerRecord<String, String>> all() {
        return records.getRecords();
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
        records.close();
        kafka.close();
    }
}
