package io.newsflow.enrich.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.delivery.InFlightPages;
import io.newsflow.enrich.delivery.KafkaReachability;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Prometheus metrics of enrichment ({@code /q/metrics}): pages by outcome (their rate is pages/s), articles per page,
 * enrichment time per page as a histogram, characters enriched; whether Kafka is reachable and since when not, the
 * deliveries retried, the pages on their way to Kafka and how long the oldest of them has been.
 */
@ApplicationScoped
public class EnrichMetrics {
    private final Counter enriched;
    private final Counter deadLettered;
    private final Counter characters;
    private final DistributionSummary articlesPerPage;
    private final Timer processing;
    private final Counter articlesRetried;
    private final Counter deadLettersRetried;
    private final MeterRegistry registry;

    public EnrichMetrics(MeterRegistry registry, KafkaReachability kafka) {
        this.registry = registry;
        this.enriched = pages(registry, "enriched");
        this.deadLettered = pages(registry, "dead-letter");
        this.characters = Counter.builder("newsflow.enrich.characters").baseUnit("characters")
                .description("characters of page text enriched").register(registry);
        this.articlesPerPage = DistributionSummary.builder("newsflow.enrich.articles.per.page")
                .description("articles found on a page").publishPercentileHistogram()
                .serviceLevelObjectives(1, 2, 3, 4, 5, 6, 8, 10, 15, 20).register(registry);
        this.processing = Timer.builder("newsflow.enrich.page.processing")
                .description("time to split and tag one page (without publishing)")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(registry);
        this.articlesRetried = retries(registry, "articles");
        this.deadLettersRetried = retries(registry, "dead-letter");
        Gauge.builder("newsflow.enrich.kafka.reachable", kafka, k -> k.unreachableSince().isEmpty() ? 1 : 0)
                .description("1 while Kafka acknowledges the service's sends, 0 while they fail or time out")
                .register(registry);
        Gauge.builder("newsflow.enrich.kafka.unreachable", kafka, KafkaReachability::unreachableSeconds).baseUnit("seconds")
                .description("how long Kafka has not acknowledged the service's sends; 0 while it does").register(registry);
    }

    private static Counter retries(MeterRegistry registry, String delivery) {
        return Counter.builder("newsflow.enrich.delivery.retries").tag("delivery", delivery)
                .description("deliveries to Kafka tried again after a failure or a timeout (never dead-lettered)")
                .register(registry);
    }

    /** Publishes how many pages are on their way to Kafka and how long the oldest has been. */
    void watch(InFlightPages inFlight) {
        Gauge.builder("newsflow.enrich.pages.in.flight", inFlight, InFlightPages::count)
                .description("pages read whose articles or dead letter Kafka has not acknowledged yet").register(registry);
        Gauge.builder("newsflow.enrich.articles.in.flight", inFlight, InFlightPages::articles)
                .description("articles of the pages in flight").register(registry);
        Gauge.builder("newsflow.enrich.pages.oldest.in.flight", inFlight, p -> p.oldest().toMillis() / 1000.0)
                .baseUnit("seconds").description("how long the oldest page on its way to Kafka has been waiting")
                .register(registry);
    }

    void articlesRetried() {
        articlesRetried.increment();
    }

    void deadLetterRetried() {
        deadLettersRetried.increment();
    }

    private static Counter pages(MeterRegistry registry, String outcome) {
        return Counter.builder("newsflow.enrich.pages").tag("outcome", outcome)
                .description("pages consumed, by outcome").register(registry);
    }

    void processed(int textLength, Duration took) {
        characters.increment(textLength);
        processing.record(took);
    }

    void enriched(int articles) {
        enriched.increment();
        articlesPerPage.record(articles);
    }

    /** A page past the limits of one page's work, by reason; it is dead-lettered too. */
    void refused(String reason) {
        Counter.builder("newsflow.enrich.pages.refused").tag("reason", reason)
                .description("pages past the limits of one page's work (dead-lettered), by reason").register(registry)
                .increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
