package io.newsflow.search.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The alerts' figures on {@code /q/metrics}: matching, deliveries by outcome, backlog per receiver. */
@ApplicationScoped
public class AlertMetrics {
    private final MeterRegistry registry;
    private final Counter matches;
    private final Timer matchTime;
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.matches = Counter.builder("newsflow.alerts.matches").description("hits: a saved search matched a new article")
                .register(registry);
        this.matchTime = Timer.builder("newsflow.alerts.match").description("time to match one article against every saved search")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void savedSearches(SavedSearches searches) {
        Gauge.builder("newsflow.alerts.saved.searches", searches, SavedSearches::size)
                .description("saved searches this instance matches against").register(registry);
    }

    void matched(int hits, Duration time) {
        matches.increment(hits);
        matchTime.record(time);
    }

    /** A delivery attempt's outcome: delivered, retry, rejected, gave-up, held (for a digest). */
    void delivery(String outcome) {
        Counter.builder("newsflow.alerts.deliveries").description("webhook deliveries by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Deliveries waiting for a receiver ({@code host:port}) as the last look found them. */
    void backlog(Map<String, Long> waiting) {
        backlog.forEach((receiver, count) -> count.set(waiting.getOrDefault(receiver, 0L)));
        waiting.forEach((receiver, count) -> backlog.computeIfAbsent(receiver, r -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("newsflow.alerts.backlog", value, AtomicLong::get)
                    .description("webhook deliveries waiting for a receiver").tag("receiver", r).register(registry);
            return value;
        }).set(count));
    }
}
