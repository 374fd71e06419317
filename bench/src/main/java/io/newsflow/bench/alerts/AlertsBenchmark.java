package io.newsflow.bench.alerts;

import io.newsflow.analysis.NewsflowAnalyzers;
import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.report.Measurement;
import io.newsflow.bench.stack.InProcessEnrichment;
import io.newsflow.bench.stack.Samples;
import io.newsflow.model.Article;
import io.newsflow.search.alert.match.SavedSearchMatcher;
import io.newsflow.search.query.QueryParameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Benchmark of saved-search matching (issue 25): 10,000 saved searches generated from the articles of the corpus's
 * first pages ({@link SavedSearchGenerator}; the articles enriched in this JVM and given names from a world of
 * realistic size, {@link NameWorld}), then, on one thread, each article of the following pages matched by
 * search-service's {@link SavedSearchMatcher} through its presearcher ({@code matches}), and every
 * {@value #NAIVE_EVERY}th article also by running every saved search on its MemoryIndex
 * ({@code matchesByRunningEverySearch}, the baseline, ten times slower and more), the two taking turns on those
 * articles so that a busy neighbour slows both alike. Both must give the same searches for every article both ran,
 * or the benchmark fails. Targets: presearcher p99 ≤ 2 ms per article and at least 20 × the baseline. Also reported:
 * the time to analyse an article into memory alone (a matcher holding no search), the floor of either way. Takes
 * about a minute.
 */
public final class AlertsBenchmark implements Benchmark {
    static final String NAME = "alerts";
    static final int SEARCHES = 10_000;
    /** Seed of the saved searches (the articles come from the shared corpus seed). */
    static final long SEARCH_SEED = 25L;
    /** First pages of the shared corpus: the articles the searches are drawn from (the "archive"). */
    static final int ARCHIVE_PAGES = 300;
    /** The new articles matched and measured: the pages after the archive's, never seen by the generator. */
    static final int STREAM_ARTICLES = 2_000;
    /** Pages enriched for the stream: at 3 to 4 articles a page, enough for {@link #STREAM_ARTICLES}. */
    static final int STREAM_PAGES = 700;
    /** Archive articles matched before measuring (every {@link #NAIVE_EVERY}th both ways): both ways compiled. */
    static final int WARM_UP_ARTICLES = 600;
    /** Every this many articles, the baseline runs too (it takes some 50 ms an article, the presearcher a few). */
    static final int NAIVE_EVERY = 4;
    static final double TARGET_P99_MS = 2.0;
    static final double TARGET_RATIO = 20.0;
    /** Where the names of the world come from (see {@link NameWorld}). */
    static final String NAMES_SOURCE = "data/ner/msra_train_bio.txt.gz";
    private static final String INDEX_DEFINITION = "/elasticsearch/news-articles-index.json";
    private static final System.Logger LOG = System.getLogger(AlertsBenchmark.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        // as search-service does at start (newsflow.search.alerts.names-file): the node's names, the node's words
        Path names = context.root().resolve("config/names.txt");
        NewsflowAnalyzers.loadNames(names);

        List<GeneratedPage> pages = context.corpus(ARCHIVE_PAGES + STREAM_PAGES, BenchContext.CORPUS_SEED).pages();
        long started = System.nanoTime();
        NameWorld world = NameWorld.fromBio(context.root().resolve(NAMES_SOURCE));
        List<Article> archive = world.rename(enrich(pages.subList(0, ARCHIVE_PAGES)), SEARCH_SEED);
        List<Article> stream = world.rename(enrich(pages.subList(ARCHIVE_PAGES, pages.size())), SEARCH_SEED + 1);
        if (stream.size() < STREAM_ARTICLES) {
            throw new IllegalStateException(STREAM_PAGES + " pages gave only " + stream.size() + " articles, "
                    + STREAM_ARTICLES + " needed: raise STREAM_PAGES");
        }
        stream = stream.subList(0, STREAM_ARTICLES);
        LOG.log(System.Logger.Level.INFO, "enriched {0} archive and {1} stream articles, renamed from {2} persons, "
                + "{3} places and {4} organisations, in {5} s", archive.size(), stream.size(), world.persons().size(),
                world.places().size(), world.organizations().size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));

        List<SavedSearchGenerator.Search> searches =
                new SavedSearchGenerator(archive, NewsflowAnalyzers.text(), SEARCH_SEED).generate(SEARCHES);
        LOG.log(System.Logger.Level.INFO, "generated {0} saved searches: {1}", searches.size(),
                SavedSearchGenerator.mix(searches));
        SavedSearchMatcher matcher = matcher();
        long putStarted = System.nanoTime();
        for (int i = 0; i < searches.size(); i++) {
            matcher.put(id(i), QueryParameters.criteria(searches.get(i).params()));
        }
        double putMs = (System.nanoTime() - putStarted) / 1e6;
        // a matcher holding no search still analyses the article into memory: the floor of both paths
        SavedSearchMatcher analysisOnly = matcher();

        LOG.log(System.Logger.Level.INFO, "warming up on {0} archive articles", WARM_UP_ARTICLES);
        for (int i = 0; i < WARM_UP_ARTICLES; i++) {
            Article article = archive.get(i % archive.size());
            matcher.matches(article);
            analysisOnly.matches(article);
            if (i % NAIVE_EVERY == 0) {
                matcher.matchesByRunningEverySearch(article);
            }
        }

        LOG.log(System.Logger.Level.INFO, "matching {0} new articles against {1} saved searches through the "
                + "presearcher, every {2}th also by running every search", stream.size(), matcher.size(), NAIVE_EVERY);
        Timings timings = new Timings();
        Tally tally = new Tally();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            Article article = stream.get(i);
            boolean paired = i % NAIVE_EVERY == 0;
            // of a pair, the order alternates, so that neither path always runs on the caches the other warmed
            boolean naiveFirst = paired && (i / NAIVE_EVERY) % 2 == 1;
            List<String> expected = naiveFirst ? timings.everySearch(matcher, article) : null;
            List<String> matched = timings.presearcher(matcher, article, paired);
            if (paired && !naiveFirst) {
                expected = timings.everySearch(matcher, article);
            }
            timings.analysis(analysisOnly, article);
            if (paired) {
                Set<String> got = new TreeSet<>(matched);
                Set<String> want = new TreeSet<>(expected);
                if (got.size() != matched.size() || !got.equals(want)) {
                    disagreements.add(disagreement(article, got, want, searches));
                }
            }
            tally.add(matched);
        }
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException("the presearcher and running every search disagree on "
                    + disagreements.size() + " of " + timings.everySearch.count() + " articles; first: "
                    + String.join("; ", disagreements.subList(0, Math.min(3, disagreements.size()))));
        }
        if (tally.hits == 0) {
            throw new IllegalStateException("no saved search matched any of the " + stream.size()
                    + " articles: the generated searches measure nothing");
        }
        return figures(matcher, timings, tally, putMs);
    }

    /** Time per article of each path; the presearcher's also on the articles the baseline ran, for the ratios. */
    private static final class Timings {
        final Samples presearcher = new Samples();
        final Samples presearcherPaired = new Samples();
        final Samples everySearch = new Samples();
        final Samples analysis = new Samples();

        List<String> presearcher(SavedSearchMatcher matcher, Article article, boolean paired) {
            long t = System.nanoTime();
            List<String> matched = matcher.matches(article);
            long took = System.nanoTime() - t;
            presearcher.add(took);
            if (paired) {
                presearcherPaired.add(took);
            }
            return matched;
        }

        List<String> everySearch(SavedSearchMatcher matcher, Article article) {
            long t = System.nanoTime();
            List<String> matched = matcher.matchesByRunningEverySearch(article);
            everySearch.add(System.nanoTime() - t);
            return matched;
        }

        void analysis(SavedSearchMatcher empty, Article article) {
            long t = System.nanoTime();
            empty.matches(article);
            analysis.add(System.nanoTime() - t);
        }
    }

    /** What the presearcher found over all articles measured. */
    private static final class Tally {
        final Set<String> fired = new HashSet<>();
        long hits;
        int articles;
        int maxHits;
        int withoutHits;

        void add(List<String> matched) {
            articles++;
            hits += matched.size();
            maxHits = Math.max(maxHits, matched.size());
            withoutHits += matched.isEmpty() ? 1 : 0;
            fired.addAll(matched);
        }
    }

    private static List<Measurement> figures(SavedSearchMatcher matcher, Timings timings, Tally tally, double putMs) {
        Samples presearcher = timings.presearcher;
        Samples paired = timings.presearcherPaired;
        Samples everySearch = timings.everySearch;
        Samples analysis = timings.analysis;
        double presP99 = presearcher.percentileMs(99);
        double p99Ratio = everySearch.percentileMs(99) / paired.percentileMs(99);

        List<Measurement> figures = new ArrayList<>();
        figures.add(Measurement.ratio(NAME, "articles/s matched, presearcher (1 thread)", 1000 / paired.meanMs(),
                "articles/s", "every search run", 1000 / everySearch.meanMs(), TARGET_RATIO));
        figures.add(Measurement.target(NAME, "p99 per article, presearcher", presP99, "ms",
                "<= " + TARGET_P99_MS + " ms", presP99 <= TARGET_P99_MS));
        figures.add(Measurement.target(NAME, "p99 every search run / p99 presearcher, same articles", p99Ratio, "x",
                ">= " + TARGET_RATIO, p99Ratio >= TARGET_RATIO));
        figures.add(Measurement.of(NAME, "p50 per article, presearcher", presearcher.percentileMs(50), "ms"));
        figures.add(Measurement.of(NAME, "mean per article, presearcher", presearcher.meanMs(), "ms"));
        figures.add(Measurement.of(NAME, "p50 per article, every search run", everySearch.percentileMs(50), "ms"));
        figures.add(Measurement.of(NAME, "p99 per article, every search run", everySearch.percentileMs(99), "ms"));
        figures.add(Measurement.of(NAME, "mean per article, every search run", everySearch.meanMs(), "ms"));
        figures.add(Measurement.of(NAME, "p50 article analysed into memory alone", analysis.percentileMs(50), "ms"));
        figures.add(Measurement.of(NAME, "p99 article analysed into memory alone", analysis.percentileMs(99), "ms"));
        figures.add(Measurement.of(NAME, "mean article analysed into memory alone", analysis.meanMs(), "ms"));
        figures.add(Measurement.of(NAME, "mean lookup and checks (presearcher minus analysis)",
                presearcher.meanMs() - analysis.meanMs(), "ms"));
        figures.add(Measurement.of(NAME, "articles measured, presearcher", presearcher.count(), "articles"));
        figures.add(Measurement.of(NAME, "articles measured, every search run (same answers checked)",
                everySearch.count(), "articles"));
        figures.add(Measurement.of(NAME, "saved searches", matcher.size(), "searches"));
        figures.add(Measurement.of(NAME, "saved searches without anchor (run for every article)",
                matcher.unanchoredCount(), "searches"));
        figures.add(Measurement.of(NAME, "hits per article (mean)", (double) tally.hits / tally.articles, "hits"));
        figures.add(Measurement.of(NAME, "hits per article (max)", tally.maxHits, "hits"));
        figures.add(Measurement.of(NAME, "articles without a hit", tally.withoutHits, "articles"));
        figures.add(Measurement.of(NAME, "saved searches that fired", tally.fired.size(), "searches"));
        figures.add(Measurement.of(NAME, "time to put the saved searches", putMs, "ms"));
        return figures;
    }

    private static String disagreement(Article article, Set<String> presearcher, Set<String> everySearch,
                                       List<SavedSearchGenerator.Search> searches) {
        Set<String> missed = new TreeSet<>(everySearch);
        missed.removeAll(presearcher);
        Set<String> extra = new TreeSet<>(presearcher);
        extra.removeAll(everySearch);
        StringBuilder text = new StringBuilder("article " + article.id());
        if (!missed.isEmpty()) {
            text.append(" missed by the presearcher ").append(described(missed, searches));
        }
        if (!extra.isEmpty()) {
            text.append(" found only by the presearcher ").append(described(extra, searches));
        }
        if (missed.isEmpty() && extra.isEmpty()) {
            text.append(" a search returned twice by the presearcher");
        }
        return text.toString();
    }

    private static String described(Set<String> ids, List<SavedSearchGenerator.Search> searches) {
        List<String> described = new ArrayList<>();
        for (String id : ids.stream().limit(3).toList()) {
            described.add(id + " " + searches.get(Integer.parseInt(id.substring(1))).params());
        }
        return described + (ids.size() > 3 ? " and " + (ids.size() - 3) + " more" : "");
    }

    static String id(int index) {
        return String.format("s%05d", index);
    }

    /** A matcher as search-service builds it: the analyzers read from the index definition in its jar. */
    private static SavedSearchMatcher matcher() {
        try (InputStream definition = SavedSearchMatcher.class.getResourceAsStream(INDEX_DEFINITION)) {
            if (definition == null) {
                throw new IllegalStateException(INDEX_DEFINITION + " is not on the classpath (search-service's jar)");
            }
            return SavedSearchMatcher.forIndexDefinition(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The articles enrich-service makes of the pages (on all cores, untimed), the pipeline's log quietened. */
    private static List<Article> enrich(List<GeneratedPage> pages) {
        Logger enrich = Logger.getLogger("io.newsflow.enrich");
        Level level = enrich.getLevel();
        enrich.setLevel(Level.WARNING);
        try {
            return InProcessEnrichment.parallel(pages);
        } finally {
            enrich.setLevel(level);
        }
    }
}
