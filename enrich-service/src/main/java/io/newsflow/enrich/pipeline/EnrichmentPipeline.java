package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.dates.DatelineParser;
import io.newsflow.enrich.headline.HeadlineLines;
import io.newsflow.enrich.split.ArticleText;
import io.newsflow.enrich.split.PageSplitter;
import io.newsflow.enrich.text.Sentences;
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
    private final HeadlineLines headlineLines = new HeadlineLines();
    private static final System.Logger LOG = System.getLogger(EnrichmentPipeline.class.getName());
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
            HeadlineLines.Headline headline = headline(text, lead, page, ordinal);
            articles.add(new Article(Article.idOf(page.sha256(), ordinal), ordinal, page.sha256(), page.fileName(),
                    page.issueDate(), headline.title(), headline.subheadlines(), body, lead,
                    datelines.eventDate(body, page.issueDate()).orElse(null), text.reporters(),
                    List.of(), List.of(), List.of(), List.of(), null, body.length(), clock.instant(), version));
        }
        return articles;
    }

    /** The matched headline block, or, when no block on the page is about this article, its lead (logged). */
    private HeadlineLines.Headline headline(ArticleText text, String lead, Page page, int ordinal) {
        if (!text.headlineFromLead()) {
            return headlineLines.of(text.headlineLines());
        }
        LOG.log(System.Logger.Level.INFO, "no headline block matches article {0} of {1}; headline taken from its lead",
                ordinal, page.fileName());
        return new HeadlineLines.Headline(lead, List.of());
    }
}
