package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.BenchOptions;
import io.newsflow.model.Article;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Derived articles: distinct, consistent with themselves, varied; and the same for the same seed. */
class ArticleSourceTest {
    private static BenchContext context;

    @BeforeAll
    static void context() {
        // bench/ is the working directory of the tests; the samples are found beside the checkout, as in a run
        context = new BenchContext(BenchOptions.parse(Path.of("..").toAbsolutePath().normalize().toString()));
    }

    @Test
    void derivedArticlesAreDistinctAndConsistent() {
        List<Article> articles = new ArticleSource(context, 1).take(6000);

        assertThat(articles).hasSize(6000);
        assertThat(articles.stream().map(Article::id).distinct()).hasSize(6000);
        assertThat(articles.stream().map(Article::body).distinct().count()).isGreaterThan(5000);
        for (Article article : articles) {
            assertThat(article.charCount()).isEqualTo(article.body().length());
            assertThat(article.persons()).allMatch(article.body()::contains);
            assertThat(article.places()).allMatch(article.body()::contains);
            assertThat(article.organizations()).allMatch(article.body()::contains);
            assertThat(article.body()).startsWith(article.lead());
            assertThat(article.id()).isEqualTo(Article.idOf(article.pageSha256(), article.ordinal()));
            if (article.eventDate() != null && article.issueDate() != null) {
                assertThat(Math.abs(article.eventDate().getYear() - article.issueDate().getYear())).isLessThanOrEqualTo(1);
            }
        }
        Map<String, Set<Object>> datesOfPages = new HashMap<>();
        articles.forEach(a -> datesOfPages.computeIfAbsent(a.pageSha256(), k -> new HashSet<>()).add(String.valueOf(a.issueDate())));
        assertThat(datesOfPages.values()).allMatch(dates -> dates.size() == 1);
        assertThat(articles.stream().filter(a -> a.issueDate() != null).map(a -> a.issueDate().getYear()).distinct().count())
                .isGreaterThanOrEqualTo(4);
        Set<String> persons = new HashSet<>();
        articles.forEach(a -> persons.addAll(a.persons()));
        assertThat((long) persons.size()).isGreaterThan(ArticleSource.originals(context).stream()
                .flatMap(a -> a.persons().stream()).distinct().count() / 2);
    }

    @Test
    void sameSeedSameArticlesOtherSeedOtherIds() {
        List<Article> first = new ArticleSource(context, 7).take(300);
        assertThat(new ArticleSource(context, 7).take(300)).isEqualTo(first);
        Set<String> ids = new HashSet<>(first.stream().map(Article::id).toList());
        assertThat(new ArticleSource(context, 8).take(300)).noneMatch(a -> ids.contains(a.id()));
    }
}
