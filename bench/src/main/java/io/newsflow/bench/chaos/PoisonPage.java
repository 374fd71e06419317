package io.newsflow.bench.chaos;

import io.newsflow.bench.corpus.GeneratedPage;

import java.time.LocalDate;
import java.util.List;

/**
 * Pages that are inside ingest's limits yet no newspaper page: enrichment must refuse them (dead-letter them once)
 * and go on with the pages behind them. They have no expected articles.
 */
final class PoisonPage {
    private PoisonPage() {
    }

    /** One short news line, {@code copies} times: about 2.5 MB for 100,000, under ingest's 5 MB. */
    static GeneratedPage repeatedLine(int copies) {
        String text = "本报讯 今日召开会议。\n".repeat(copies);
        return new GeneratedPage("2024-01-15_poison_" + copies + ".txt", LocalDate.of(2024, 1, 15), text, List.of());
    }
}
