package io.newsflow.search.alert;

import io.newsflow.analysis.NewsflowAnalyzers;
import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.newsflow.search.alert.match.SavedSearchMatcher;
import io.newsflow.search.query.QueryParameters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The rule saved searches are held to: a saved search matches an article exactly when {@code /api/search} with its
 * parameters returns that article. 160 articles (sample-page sentences with generated names) are indexed by the
 * service; 300 generated saved searches are asked of the real {@code /api/search} (narrowed to this run's articles
 * by a keyword only they carry) and of the matcher, which must give the same articles for every one, through its
 * presearcher and by running every search alike.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SavedSearchEquivalenceIT {
    private static final int ARTICLES = 160;
    private static final int SEARCHES = 300;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void everySavedSearchMatchesExactlyWhatTheSearchApiFinds() throws Exception {
        String page = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        String run = "alerts-" + page.substring(0, 12);
        long seed = page.hashCode();
        GeneratedAlertsCorpus corpus = new GeneratedAlertsCorpus(Path.of("..", "samples"), seed);
        List<Article> articles = corpus.articles(page, ARTICLES, run);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Article article : articles) {
            records.add(new ProducerRecord<>(Topics.ARTICLES, article.id(), NewsJson.mapper().writeValueAsString(article)));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().queryParam("keyword", run).get("/api/search").then().statusCode(200).body("total", equalTo(ARTICLES)));

        NewsflowAnalyzers.loadNames(Path.of("..", "config", "names.txt"));
        SavedSearchMatcher matcher;
        try (InputStream definition = getClass().getResourceAsStream("/elasticsearch/news-articles-index.json")) {
            matcher = SavedSearchMatcher.forIndexDefinition(definition);
        }
        List<Map<String, List<String>>> searches = corpus.searches(SEARCHES);
        for (int i = 0; i < searches.size(); i++) {
            matcher.put(Integer.toString(i), QueryParameters.criteria(searches.get(i)));
        }
        Map<String, Set<String>> matched = new HashMap<>();
        Map<String, Set<String>> matchedByEverySearch = new HashMap<>();
        for (Article article : articles) {
            matcher.matches(article).forEach(id -> matched.computeIfAbsent(id, k -> new TreeSet<>()).add(article.id()));
            matcher.matchesByRunningEverySearch(article)
                    .forEach(id -> matchedByEverySearch.computeIfAbsent(id, k -> new TreeSet<>()).add(article.id()));
        }

        List<String> disagreements = new ArrayList<>();
        int withHits = 0;
        for (int i = 0; i < searches.size(); i++) {
            Set<String> found = searchApi(searches.get(i), run);
            Set<String> byMatcher = matched.getOrDefault(Integer.toString(i), Set.of());
            if (!found.equals(byMatcher)) {
                disagreements.add(searches.get(i) + ": /api/search " + found.size() + " " + diff(found, byMatcher)
                        + ", matcher " + byMatcher.size() + " " + diff(byMatcher, found));
            }
            withHits += found.isEmpty() ? 0 : 1;
        }
        assertThat(disagreements).as("saved searches whose matches differ from /api/search").isEmpty();
        assertThat(matched).as("the presearcher drops no match").isEqualTo(matchedByEverySearch);
        // the generated searches are worth something only if they find something, and not everything
        assertThat(withHits).as("searches with hits").isBetween(SEARCHES / 4, SEARCHES - SEARCHES / 10);
        assertThat(matcher.unanchoredCount()).as("searches every article must run").isLessThan(SEARCHES / 5);
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }

    /** Every article id {@code /api/search} finds for the parameters, among this run's articles. */
    private static Set<String> searchApi(Map<String, List<String>> params, String run) {
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            RequestSpecification request = given().queryParam("size", 100).queryParam("page", page);
            params.forEach((name, values) -> request.queryParam(name, values));
            List<String> keywords = new ArrayList<>(params.getOrDefault("keyword", List.of()));
            keywords.add(run);
            request.queryParam("keyword", keywords);
            JsonPath answer = request.get("/api/search").then().statusCode(200).extract().jsonPath();
            List<String> hits = answer.getList("hits.id", String.class);
            ids.addAll(hits);
            if (ids.size() >= answer.getInt("total") || hits.isEmpty()) {
                return ids;
            }
        }
    }
}
