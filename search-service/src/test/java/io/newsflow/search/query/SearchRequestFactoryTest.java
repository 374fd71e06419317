package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRequestFactoryTest {
    private final SearchRequestFactory factory = new SearchRequestFactory(7);

    @Test
    void userTextOnlyEverBecomesTheTextOfASimpleQueryString() {
        String hostile = "\"}}, \"script\": {\"source\": \"boom\"} 杜小刚\"";

        String json = RequestJson.text(factory.build(new ArticleQuery(hostile, 2, 10), "news-articles"));
        JsonNode tree = RequestJson.tree(factory.build(new ArticleQuery(hostile, 2, 10), "news-articles"));

        assertThat(tree.at("/query/bool/must/0/simple_query_string/query").asText()).isEqualTo(hostile);
        assertThat(tree.at("/query/bool/must/0/simple_query_string/default_operator").asText()).isEqualToIgnoringCase("and");
        assertThat(json).doesNotContain("\"script\":{").doesNotContain("\"source\":\"boom\"");
        assertThat(json.split("boom", -1)).hasSize(2);
        assertThat(tree.at("/from").asInt()).isEqualTo(10);
        assertThat(tree.at("/size").asInt()).isEqualTo(10);
    }

    @Test
    void filterValuesOnlyEverBecomeValuesOfTermQueriesInTheFilterClause() {
        String hostile = "\"}}],\"must_not\":[{\"match_all\":{}}]";
        ArticleQuery query = new ArticleQuery("", new ArticleFilters(List.of(hostile), null, null, null, null, null),
                null, null, ArticleSort.RELEVANCE, 1, 10);

        JsonNode tree = RequestJson.tree(factory.build(query, "news-articles"));

        assertThat(tree.at("/query/bool/filter/0/term/persons/value").asText()).isEqualTo(hostile);
        assertThat(tree.at("/query/bool/must_not").isMissingNode()).isTrue();
    }

    @Test
    void putsEveryFilterInFilterWithOneTermPerRepeatedValueSoAllMustMatch() {
        ArticleFilters filters = new ArticleFilters(List.of("杜小刚", "赵建军"), List.of("宜兴市"), List.of("市委"),
                List.of("高美梅"), null, List.of("太湖"));

        JsonNode bool = RequestJson.tree(factory.build(query(filters), "news-articles")).at("/query/bool");

        assertThat(bool.has("must")).isFalse();
        assertThat(terms(bool.get("filter"))).containsExactly(
                "persons=杜小刚", "persons=赵建军", "places=宜兴市", "organizations=市委", "reporters=高美梅", "keywords=太湖");
    }

    @Test
    void matchesAnyOfSeveralCategoriesBecauseAnArticleHasOnlyOne() {
        ArticleFilters filters = new ArticleFilters(null, null, null, null, List.of("时政", "经济"), null);

        JsonNode filter = RequestJson.tree(factory.build(query(filters), "news-articles")).at("/query/bool/filter");

        assertThat(filter).hasSize(1);
        assertThat(filter.at("/0/terms/category").toString()).isEqualTo("[\"时政\",\"经济\"]");
    }

    @Test
    void limitsEventDatesWithARangeFilter() {
        ArticleQuery query = new ArticleQuery("太湖", ArticleFilters.NONE, LocalDate.of(2023, 12, 18), LocalDate.of(2023, 12, 20),
                ArticleSort.RELEVANCE, 1, 10);

        JsonNode range = RequestJson.tree(factory.build(query, "news-articles")).at("/query/bool/filter/0/range/eventDate");

        assertThat(range.get("gte").asText()).isEqualTo("2023-12-18");
        assertThat(range.get("lte").asText()).isEqualTo("2023-12-20");
        assertThat(range.get("format").asText()).isEqualTo("yyyy-MM-dd");
    }

    @Test
    void leavesAnOpenEndOfTheRangeOut() {
        ArticleQuery query = new ArticleQuery("", ArticleFilters.NONE, LocalDate.of(2023, 12, 18), null, ArticleSort.DATE, 1, 10);

        JsonNode range = RequestJson.tree(factory.build(query, "news-articles")).at("/query/bool/filter/0/range/eventDate");

        assertThat(range.has("gte")).isTrue();
        assertThat(range.has("lte")).isFalse();
    }

    @Test
    void countsFacetsAndEventDaysOverTheFilteredResult() {
        JsonNode tree = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles"));
        JsonNode aggregations = tree.get("aggregations");

        assertThat(aggregations.at("/persons/terms/field").asText()).isEqualTo("persons");
        assertThat(aggregations.at("/persons/terms/size").asInt()).isEqualTo(7);
        assertThat(aggregations.at("/places/terms/field").asText()).isEqualTo("places");
        assertThat(aggregations.at("/organizations/terms/field").asText()).isEqualTo("organizations");
        assertThat(aggregations.at("/reporters/terms/field").asText()).isEqualTo("reporters");
        assertThat(aggregations.at("/categories/terms/field").asText()).isEqualTo("category");
        assertThat(aggregations.at("/histogram/date_histogram/field").asText()).isEqualTo("eventDate");
        assertThat(aggregations.at("/histogram/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(aggregations.at("/histogram/date_histogram/min_doc_count").asInt()).isEqualTo(1);
        assertThat(aggregations.at("/histogram/date_histogram/format").asText()).isEqualTo("yyyy-MM-dd");
        // aggregations sit beside the query, so they see exactly the hits the query and its filters let through
        assertThat(tree.has("post_filter")).isFalse();
    }

    @Test
    void sortsByScoreThenNewestWhenRankingByRelevance() {
        JsonNode sort = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles")).get("sort");

        assertThat(sort.at("/0/_score/order").asText()).isEqualTo("desc");
        assertThat(sort.at("/1/eventDate/order").asText()).isEqualTo("desc");
        assertThat(sort.at("/2/id/order").asText()).isEqualTo("asc");
    }

    @Test
    void sortsNewestFirstWhenAskedByDate() {
        ArticleQuery query = new ArticleQuery("太湖", ArticleFilters.NONE, null, null, ArticleSort.DATE, 1, 10);

        JsonNode sort = RequestJson.tree(factory.build(query, "news-articles")).get("sort");

        assertThat(sort.at("/0/eventDate/order").asText()).isEqualTo("desc");
        assertThat(sort.at("/0/eventDate/missing").asText()).isEqualTo("_last");
        assertThat(sort.at("/1/_score/order").asText()).isEqualTo("desc");
    }

    @Test
    void emptyTextListsNewestArticlesFirstWithoutHighlighting() {
        JsonNode tree = RequestJson.tree(factory.build(new ArticleQuery("  ", 1, 10), "news-articles"));

        assertThat(tree.at("/query/bool/must").isMissingNode()).isTrue();
        assertThat(tree.at("/sort/0/eventDate/order").asText()).isEqualTo("desc");
        assertThat(tree.has("highlight")).isFalse();
    }

    @Test
    void highlightsHeadlineAndBodyWithEm() {
        JsonNode highlight = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles")).get("highlight");

        assertThat(highlight.at("/pre_tags/0").asText()).isEqualTo("<em>");
        assertThat(highlight.at("/post_tags/0").asText()).isEqualTo("</em>");
        // highlight fields go out as a list of single-entry objects, in order
        assertThat(highlight.at("/fields/0/headline/number_of_fragments").asInt()).isZero();
        assertThat(highlight.at("/fields/1/body").isMissingNode()).isFalse();
    }

    @Test
    void leavesTheBodyOutOfTheHitsAndCountsTotalsExactly() {
        JsonNode tree = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles"));

        assertThat(tree.at("/_source/excludes/0").asText()).isEqualTo("body");
        assertThat(tree.get("track_total_hits").asBoolean()).isTrue();
    }

    @Test
    void fetchesOnlyTheSourceFieldsAHitShows() {
        JsonNode includes = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles")).at("/_source/includes");

        List<String> fields = new ArrayList<>();
        includes.forEach(field -> fields.add(field.asText()));
        assertThat(fields).containsExactly("headline", "subheadlines", "lead", "issueDate", "eventDate", "reporters",
                "persons", "places", "organizations", "category");
    }

    private static ArticleQuery query(ArticleFilters filters) {
        return new ArticleQuery("", filters, null, null, ArticleSort.RELEVANCE, 1, 10);
    }

    private static List<String> terms(JsonNode filter) {
        List<String> terms = new ArrayList<>();
        filter.forEach(clause -> clause.get("term").fields()
                .forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().get("value").asText())));
        return terms;
    }

    @Test
    void asksForHighlightsWithTheHtmlEncoderSoThePagesOwnTextComesBackEscaped() {
        JsonNode highlight = RequestJson.tree(factory.build(new ArticleQuery("太湖", 1, 10), "news-articles")).get("highlight");

        assertThat(highlight.get("encoder").asText()).isEqualTo("html");
        assertThat(highlight.get("pre_tags").toString()).isEqualTo("[\"<em>\"]");
        assertThat(highlight.get("post_tags").toString()).isEqualTo("[\"</em>\"]");
    }

    @Test
    void countsKeywordsAsAFacetAndFiltersByThemThroughTheSameField() {
        ArticleQuery query = new ArticleQuery("", new ArticleFilters(null, null, null, null, null, List.of("太湖")),
                null, null, ArticleSort.RELEVANCE, 1, 10);
        JsonNode tree = RequestJson.tree(factory.build(query, "news-articles"));

        assertThat(tree.at("/aggregations/keywords/terms/field").asText()).isEqualTo("keywords");
        assertThat(tree.at("/query/bool/filter/0/term/keywords/value").asText()).isEqualTo("太湖");
    }
}
