package io.newsflow.enrich.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Prometheus metrics of enrichment ({@code /q/metrics}): pages by outcome (their rate is pages/s), articles per page,
 * enrichment time per page as a histogram, characters enriched.
 */
@ApplicationScoped
public class EnrichMetrics {
    private final Counter enriched;
    private final Counter deadLettered;
    private final Counter characters;
    private final DistributionSummary articlesPerPage;
    private final Timer processing;

    public EnrichMetrics(MeterRegistry registry) {
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

    void deadLettered() {
        deadLettered.increment();
    }
}
