package io.newsflow.bench.alerts;

import io.newsflow.analysis.NewsflowAnalyzers;
import io.newsflow.bench.corpus.CorpusGenerator;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SearchCriteria;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved searches of the alerts benchmark: valid, reproducible, in the intended mix, drawn from the articles. */
class SavedSearchGeneratorTest {
    private static final Path ROOT = Path.of(System.getProperty("newsflow.root", ".."));
    private static final int SEARCHES = 4000;

    private static List<Article> articles;
    private static List<SavedSearchGenerator.Search> searches;

    @BeforeAll
    static void generate() throws IOException {
        EnrichmentPipeline pipeline = EnrichmentPipeline.load("bench-test", NamesDictionary.bundled());
        articles = new ArrayList<>();
        for (GeneratedPage page : new CorpusGenerator(ROOT.resolve("samples")).generate(150, 11)) {
            articles.addAll(pipeline.enrich(new Page(page.sha256(), page.fileName(), page.issueDate(),
                    IssueDateSource.FILENAME, "UTF-8", page.text(), page.bytes().length,
                    Instant.parse("2024-01-01T00:00:00Z"))));
        }
        articles = NameWorld.fromBio(ROOT.resolve(AlertsBenchmark.NAMES_SOURCE)).rename(articles, 5);
        searches = new SavedSearchGenerator(articles, NewsflowAnalyzers.text(), 42).generate(SEARCHES);
    }

    @Test
    void theSameSeedGivesTheSameSearches() {
        SavedSearchGenerator again = new SavedSearchGenerator(articles, NewsflowAnalyzers.text(), 42);
        SavedSearchGenerator other = new SavedSearchGenerator(articles, NewsflowAnalyzers.text(), 43);

        assertThat(again.generate(SEARCHES)).isEqualTo(searches);
        assertThat(other.generate(SEARCHES)).isNotEqualTo(searches);
    }

    @Test
    void everySearchIsOneTheSearchApiTakesAndNarrowsSomething() {
        assertThat(searches).allSatisfy(search -> {
            SearchCriteria criteria = QueryParameters.criteria(search.params());
            assertThat(criteria.isEmpty()).as("%s", search).isFalse();
        });
    }

    @Test
    void theKindsComeInTheirShares() {
        Map<SavedSearchGenerator.Kind, Integer> mix = SavedSearchGenerator.mix(searches);

        assertThat(mix).allSatisfy((kind, count) -> {
            double share = kind.perMille / 1000.0;
            double expected = share * SEARCHES;
            double spread = 4 * Math.sqrt(SEARCHES * share * (1 - share)); // four standard deviations of a binomial
            assertThat(count).as("%s", kind).isPositive().isBetween((int) (expected - spread), (int) (expected + spread));
        });
        long dated = searches.stream().filter(s -> s.params().containsKey("to")).count();
        assertThat(dated / (double) SEARCHES).isBetween(SavedSearchGenerator.DATED_SHARE * 0.8,
                SavedSearchGenerator.DATED_SHARE * 1.2);
    }

    @Test
    void filterValuesAreValuesOfTheArticles() {
        assertValuesFrom("person", Article::persons);
        assertValuesFrom("place", Article::places);
        assertValuesFrom("org", Article::organizations);
        assertValuesFrom("reporter", Article::reporters);
        assertValuesFrom("keyword", Article::keywords);
        assertValuesFrom("category", a -> a.category() == null ? List.of() : List.of(a.category()));
    }

    @Test
    void phrasesStandInTheTextAndMostAreSelective() {
        List<String> texts = articles.stream().filter(a -> a.body() != null && !a.body().isBlank())
                .map(a -> a.headline() + "\n" + String.join("\n", a.subheadlines()) + "\n" + a.body()).toList();
        int most = Math.max(1, (int) (texts.size() * SavedSearchGenerator.SELECTIVE_SHARE));
        List<String> phrases = searches.stream().filter(s -> s.kind() == SavedSearchGenerator.Kind.PHRASE)
                .map(s -> s.params().get("q").getFirst()).toList();

        assertThat(phrases).isNotEmpty().allSatisfy(q -> {
            assertThat(q).startsWith("\"").endsWith("\"");
            String phrase = q.substring(1, q.length() - 1);
            long holding = texts.stream().filter(t -> t.contains(phrase)).count();
            // a phrase is drawn from an article's text, so at least one holds it; selective ones in at most 1 %
            assertThat(holding).as(phrase).isBetween(1L, (long) most);
        });
    }

    private static void assertValuesFrom(String parameter, Function<Article, List<String>> values) {
        Set<String> held = articles.stream().flatMap(a -> values.apply(a).stream()).collect(Collectors.toSet());
        List<String> used = searches.stream().filter(s -> s.params().containsKey(parameter))
                .flatMap(s -> s.params().get(parameter).stream()).toList();

        assertThat(used).as(parameter).isNotEmpty();
        assertThat(held).as(parameter).containsAll(used);
    }
}
