package io.newsflow.enrich.pipeline;

import com.hankcs.hanlp.seg.common.Term;
import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.dates.DateMentions;
import io.newsflow.enrich.dates.DatelineParser;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.headline.HeadlineLines;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.ner.PerceptronTagger;
import io.newsflow.enrich.split.ArticleText;
import io.newsflow.enrich.split.PageSplitter;
import io.newsflow.enrich.text.Sentences;
import io.newsflow.logging.LogSafe;
import io.newsflow.model.Article;
import io.newsflow.model.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Page} into its {@link Article}s. Plain Java, so the service, the CLI and the benchmarks run
 * exactly the same code. Deterministic: the same page always gives the same articles (ids from the page hash and
 * position, {@code enrichedAt} from the page's {@code receivedAt}). Models and dictionaries load once, in
 * {@link #load}; {@link #enrich} is safe to call from several threads.
 */
public final class EnrichmentPipeline {
    /** Version of this enrichment, stamped on every article; raise it when the output changes. */
    public static final String VERSION = "0.3.0";
    /** The entity model the build trains into the jar. */
    public static final String MODEL = "/io/newsflow/enrich/ner/model.bin";
    static final int KEYWORDS = 8;
    private static final System.Logger LOG = System.getLogger(EnrichmentPipeline.class.getName());

    private final PageSplitter splitter = new PageSplitter();
    private final DatelineParser datelines = new DatelineParser();
    private final DateMentions dateMentions = new DateMentions();
    private final HeadlineLines headlineLines = new HeadlineLines();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final CategoryClassifier categories = new CategoryClassifier();
    private final String version;
    private final PerceptronTagger tagger;
    private final EntityExtractor entities;
    private final PageLimits limits;

    public EnrichmentPipeline(String version, PerceptronTagger tagger, NamesDictionary names) {
        this(version, tagger, names, PageLimits.DEFAULT);
    }

    public EnrichmentPipeline(String version, PerceptronTagger tagger, NamesDictionary names, PageLimits limits) {
        this.version = version;
        this.limits = limits;
        this.tagger = tagger;
        this.entities = new EntityExtractor(names);
        names.addToSegmenter();
    }

    /** The pipeline with the shipped entity model and the given names dictionary. */
    public static EnrichmentPipeline load(String version, NamesDictionary names) {
        return load(version, names, PageLimits.DEFAULT);
    }

    /** The pipeline with the shipped entity model, the given names dictionary and limits of the work a page may cause. */
    public static EnrichmentPipeline load(String version, NamesDictionary names, PageLimits limits) {
        try (InputStream model = EnrichmentPipeline.class.getResourceAsStream(MODEL)) {
            if (model == null) {
                throw new IllegalStateException("entity model " + MODEL + " is missing: build enrich-service with Maven");
            }
            return new EnrichmentPipeline(version, PerceptronTagger.load(model, MODEL), names, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the entity model " + MODEL, e);
        }
    }

    /**
     * The page's articles.
     *
     * @throws PageRefusedException when the page is past one of the {@link PageLimits}
     */
    public List<Article> enrich(Page page) {
        PageBudget budget = PageBudget.start(limits, page.text());
        List<ArticleText> texts = splitter.split(page.text(), budget::checkArticles);
        List<EntityExtractor.Analysed> analysed = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String body = texts.get(i).body();
            budget.checkArticle(i + 1, body.length());
            budget.checkTime();
            List<Term> words = tagger.segment(body);
            analysed.add(new EntityExtractor.Analysed(body, words, tagger.entities(body, words)));
        }
        List<EntityExtractor.Entities> named = entities.extract(analysed);
        Instant enrichedAt = page.receivedAt() != null ? page.receivedAt() : Instant.EPOCH;
        List<Article> articles = new ArrayList<>(texts.size());
        List<Integer> headlinesFromLead = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ArticleText text = texts.get(i);
            int ordinal = i + 1;
            String body = text.body();
            String lead = Sentences.first(body);
            HeadlineLines.Headline headline;
            if (text.headlineFromLead()) {
                headline = new HeadlineLines.Headline(lead, List.of());
                headlinesFromLead.add(ordinal);
            } else {
                headline = headlineLines.of(text.headlineLines());
            }
            List<String> keywordList = keywords.keywords(headline.title(), analysed.get(i).words(), KEYWORDS);
            EntityExtractor.Entities found = named.get(i);
            articles.add(new Article(Article.idOf(page.sha256(), ordinal), ordinal, page.sha256(), page.fileName(),
                    page.issueDate(), headline.title(), headline.subheadlines(), body, lead,
                    datelines.eventDate(body, page.issueDate()).orElse(null),
                    dateMentions.dates(body, page.issueDate()), text.reporters(),
                    found.persons(), found.places(), found.organizations(), keywordList,
                    categories.classify(headline.title(), body, keywordList).id(),
                    body.length(), enrichedAt, version));
        }
        if (!headlinesFromLead.isEmpty()) {
            // one line a page, however many articles: a page of hundreds of short pieces must not flood the log
            LOG.log(System.Logger.Level.INFO, "no headline block matches articles {0} of {1}; their headlines are taken from their leads",
                    headlinesFromLead, LogSafe.text(page.fileName()));
        }
        return articles;
    }
}
