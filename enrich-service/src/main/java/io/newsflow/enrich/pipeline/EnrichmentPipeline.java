package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.dates.DatelineParser;
import io.newsflow.enrich.split.ArticleText;
import io.newsflow.enrich.split.PageSplitter;
import io.newsflow.model.Article;
import io.newsflow.model.Page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Page} into its {@link Article}s. Plain Java, so the service, the CLI and the benchmarks run
 * exactly the same code. Article ids are deterministic: page hash and position on the page.
 */
public final class EnrichmentPipeline {
    private final PageSplitter splitter = new PageSplitter();
    private final DatelineParser datelines = new DatelineParser();
    private final String version;
    private final Clock clock;

    public EnrichmentPipeline(String version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    public List<Article> enrich(Page page) {
        List<ArticleText> texts = splitter.split(page.text());
        List<Article> articles = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            ArticleText text = texts.get(i);
            int ordinal = i + 1;
            String body = text.body();
            String lead = Sentences.first(body);
            articles.add(new Article(Article.idOf(page.sha256(), ordinal), ordinal, page.sha256(), page.fileName(),
                    page.issueDate(), lead, List.of(), body, lead,
                    datelines.eventDate(body, page.issueDate()).orElse(null), text.reporters(),
                    List.of(), List.of(), List.of(), List.of(), null, body.length(), clock.instant(), version));
        }
        return articles;
    }
}
