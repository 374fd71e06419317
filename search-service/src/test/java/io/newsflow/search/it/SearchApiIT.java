package io.newsflow.search.it;

import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The REST API over six articles produced into {@code news.articles} and indexed by the service itself. Every
 * article carries a keyword unique to this run, and every search filters by it, so articles of other test
 * classes in the same index do not change the counts. (The other way round, these articles share no rare word
 * with the other classes' articles except the name 杜小刚.)
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {
    private static final Pattern MARKED = Pattern.compile("<em>(.*?)</em>");

    private final String page = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
    private final String run = "api-" + page.substring(0, 16);

    private final Article taihu = article(1, "杜小刚在宜兴市调研太湖综合治理",
            "本报讯 12月20日，市委书记杜小刚来到宜兴市主要入湖河流整治、生态清淤现场，调研太湖综合治理进展。市长赵建军参加调研。"
                    + "杜小刚强调，要以更高标准推进太湖综合治理，守护好一湖碧水。",
            LocalDate.of(2023, 12, 20), "时政", List.of("高美梅", "惠晓婧"), List.of("杜小刚", "赵建军"), List.of("宜兴市", "太湖"), List.of("市委"));
    private final Article visit = article(2, "杜小刚会见华虹半导体客人",
            "本报讯 12月18日，市委书记杜小刚在无锡会见华虹半导体有限公司董事长一行，双方就集成电路产业合作深入交流。",
            LocalDate.of(2023, 12, 18), "经济", List.of("惠晓婧"), List.of("杜小刚"), List.of("无锡"), List.of("华虹半导体"));
    private final Article forum = article(3, "杜小主持召开民营企业座谈会",
            "本报讯 12月19日，梁溪区区长杜小主持召开民营企业座谈会，听取企业家意见建议。",
            LocalDate.of(2023, 12, 19), "经济", List.of("高美梅"), List.of("杜小"), List.of("梁溪区"), List.of("梁溪区政府"));
    private final Article lake = article(4, "赵建军调研蠡湖水环境",
            "本报讯 12月15日，市长赵建军调研蠡湖水环境。太湖水质持续改善，综合考核名列前茅。",
            LocalDate.of(2023, 12, 15), "时政", List.of("高美梅"), List.of("赵建军"), List.of("蠡湖", "太湖"), List.of("市政府"));
    private final Article river = article(5, "无锡召开大运河文化保护传承推进会",
            "本报讯 12月15日，无锡召开大运河文化保护传承推进会，副市长叶航雨出席会议并讲话。",
            LocalDate.of(2023, 12, 15), "社会", List.of("惠晓婧"), List.of("叶航雨"), List.of("无锡", "大运河"), List.of("市政府"));
    private final Article yixing = article(6, "宜兴市推进太湖综合治理 入湖河流整治见成效",
            "本报讯 12月21日，宜兴市加快主要入湖河流整治和生态清淤，太湖综合治理取得新进展。宜兴市将继续推进入湖河流整治，守护好一湖碧水。",
            LocalDate.of(2023, 12, 21), "时政", List.of("高美梅"), List.of(), List.of("宜兴市", "太湖"), List.of("宜兴市政府"));

    /** Two more articles under their own keyword (the counts above stay those of the six): a page's own markup, an entity. */
    private final String extra = run + "-extra";
    private final String visitor = "访客" + page.substring(0, 8);
    private final String district = "湖区" + page.substring(0, 8);
    private final Article markup = extraArticle(7, "太湖综合治理 <script>alert(1)</script>",
            "本报讯 12月10日，太湖综合治理现场会召开。<img src=x onerror=alert(1)> 赵建军出席。",
            LocalDate.of(2023, 12, 10), List.of(visitor, "赵建军"));
    private final Article second = extraArticle(8, "访客再到湖区",
            "本报讯 12月11日，访客再到湖区，叶航雨陪同。", LocalDate.of(2023, 12, 11), List.of(visitor, "叶航雨"));

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private boolean produced;

    /** Once per class; not in {@code @BeforeAll}, where RestAssured does not know the application's port yet. */
    @BeforeEach
    void produceArticlesAndAwaitTheirIndexing() throws Exception {
        if (produced) {
            return;
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Article article : List.of(taihu, visit, forum, lake, river, yixing, markup, second)) {
            records.add(new ProducerRecord<>(Topics.ARTICLES, article.id(), NewsJson.mapper().writeValueAsString(article)));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                search().get("/api/search").then().statusCode(200).body("total", equalTo(6)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("keyword", extra).get("/api/search").then().statusCode(200).body("total", equalTo(2)));
        produced = true;
    }

    @Test
    void filtersByPersonExactlyNotByPartOfAName() {
        search().queryParam("person", "杜小刚")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("hits.id", containsInAnyOrder(taihu.id(), visit.id()))
                .body("hits.persons", everyItem(hasItem("杜小刚")));
        search().queryParam("person", "杜小")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.id", contains(forum.id()));
    }

    @Test
    void repeatedPersonsMustAllBeNamed() {
        search().queryParam("person", "杜小刚").queryParam("person", "赵建军")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits.id", contains(taihu.id()));
    }

    @Test
    void limitsEventDatesToTheRangeWithBothEndsIncluded() {
        search().queryParam("from", "2023-12-18").queryParam("to", "2023-12-20")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.id", containsInAnyOrder(taihu.id(), visit.id(), forum.id()));
        search().queryParam("from", "2023-12-20")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.id", containsInAnyOrder(taihu.id(), yixing.id()));
    }

    @Test
    void sortsNewestEventFirstWhenAskedByDate() {
        search().queryParam("q", "本报讯").queryParam("sort", "date")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.eventDate", contains("2023-12-21", "2023-12-20", "2023-12-19", "2023-12-18", "2023-12-15", "2023-12-15"))
                .body("hits[0].id", equalTo(yixing.id()));
    }

    @Test
    void pagesThroughTheHits() {
        search().queryParam("sort", "date").queryParam("page", "2").queryParam("size", "4")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("total", equalTo(6))
                .body("hits.eventDate", contains("2023-12-15", "2023-12-15"));
    }

    @Test
    void facetsAndHistogramAddUpToTheTotal() {
        JsonPath answer = search().when().get("/api/search").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("total")).isEqualTo(6);
        assertThat(facet(answer, "categories")).containsExactly(Map.entry("时政", 3), Map.entry("经济", 2), Map.entry("社会", 1));
        assertThat(answer.getList("facets.categories.count", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(facet(answer, "reporters")).containsExactly(Map.entry("高美梅", 4), Map.entry("惠晓婧", 3));
        assertThat(facet(answer, "persons")).contains(Map.entry("杜小刚", 2), Map.entry("赵建军", 2), Map.entry("杜小", 1));
        assertThat(facet(answer, "places")).contains(Map.entry("太湖", 3), Map.entry("宜兴市", 2), Map.entry("无锡", 2));
        assertThat(facet(answer, "organizations")).contains(Map.entry("市政府", 2));
        assertThat(answer.getList("histogram.date", String.class))
                .containsExactly("2023-12-15", "2023-12-18", "2023-12-19", "2023-12-20", "2023-12-21");
        assertThat(answer.getList("histogram.count", Integer.class)).containsExactly(2, 1, 1, 1, 1);
    }

    @Test
    void facetsAndHistogramCountOnlyWhatTheFiltersLetThrough() {
        JsonPath answer = search().queryParam("person", "杜小刚")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();

        assertThat(facet(answer, "categories")).containsOnly(Map.entry("时政", 1), Map.entry("经济", 1));
        assertThat(facet(answer, "persons")).containsOnly(Map.entry("杜小刚", 2), Map.entry("赵建军", 1));
        assertThat(answer.getList("histogram.date", String.class)).containsExactly("2023-12-18", "2023-12-20");
        assertThat(answer.getList("histogram.count", Integer.class)).containsExactly(1, 1);
    }

    @Test
    void widensToAnyOfSeveralCategories() {
        search().queryParam("category", "经济").queryParam("category", "社会")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.id", containsInAnyOrder(visit.id(), forum.id(), river.id()));
    }

    @Test
    void highlightsAChinesePhraseExactly() {
        JsonPath answer = search().queryParam("q", "\"太湖综合治理\"")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();

        // the lake article has 太湖 and 综合 but not the phrase
        assertThat(answer.getList("hits.id", String.class)).containsExactlyInAnyOrder(taihu.id(), yixing.id());
        for (int i = 0; i < 2; i++) {
            List<String> fragments = new ArrayList<>(answer.getList("hits[" + i + "].highlights.body", String.class));
            fragments.addAll(answer.getList("hits[" + i + "].highlights.headline", String.class));
            assertThat(marked(fragments)).isNotEmpty().containsOnly("太湖综合治理");
        }
    }

    @Test
    void findsANameHowEverTheSegmenterSplitsIt() {
        search().queryParam("q", "杜小刚")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("hits.id", containsInAnyOrder(taihu.id(), visit.id()));
        given().when().get("/api/articles/{id}", visit.id())
                .then().statusCode(200)
                .body("body", containsString("杜小刚"));
        // HanLP segments 叶航雨 as 叶航|雨 in the body and in the query alike
        JsonPath answer = search().queryParam("q", "叶航雨")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("hits.id", String.class)).containsExactly(river.id());
        assertThat(marked(answer.getList("hits[0].highlights.body", String.class))).containsOnly("叶航雨");
    }

    @Test
    void answersAnArticleByIdAnd404ForAnUnknownOne() {
        given().when().get("/api/articles/{id}", taihu.id())
                .then().statusCode(200)
                .body("id", equalTo(taihu.id()))
                .body("headline", equalTo(taihu.headline()))
                .body("body", equalTo(taihu.body()))
                .body("eventDate", equalTo("2023-12-20"))
                .body("persons", contains("杜小刚", "赵建军"));
        String unknown = page.substring(0, 16) + "-99";
        given().when().get("/api/articles/{id}", unknown)
                .then().statusCode(404)
                .body("status", equalTo(404))
                .body("error", equalTo("no article with id " + unknown));
        given().when().get("/api/articles/{id}/similar", unknown)
                .then().statusCode(404)
                .body("error", equalTo("no article with id " + unknown));
    }

    @Test
    void findsSimilarArticlesButNotTheArticleItself() {
        given().queryParam("size", "20")
                .when().get("/api/articles/{id}/similar", taihu.id())
                .then().statusCode(200)
                .body("id", equalTo(taihu.id()))
                .body("hits.id", hasItem(yixing.id()))
                .body("hits.id", not(hasItem(taihu.id())));
    }

    @Test
    void completesNamesFromAPrefix() {
        given().queryParam("prefix", "杜")
                .when().get("/api/suggest")
                .then().statusCode(200)
                .body("persons", hasItems("杜小刚", "杜小"))
                .body("persons", everyItem(startsWith("杜")))
                .body("places", everyItem(startsWith("杜")))
                .body("organizations", everyItem(startsWith("杜")));
        given().queryParam("prefix", "宜兴")
                .when().get("/api/suggest")
                .then().statusCode(200)
                .body("places", hasItem("宜兴市"))
                .body("organizations", hasItem("宜兴市政府"))
                .body("persons", everyItem(startsWith("宜兴")));
        given().when().get("/api/suggest")
                .then().statusCode(400)
                .body("error", equalTo("prefix must have at least 1 character"));
    }

    @Test
    void givesAnOverviewOfTheIndex() {
        given().when().get("/api/stats")
                .then().statusCode(200)
                .body("articles", greaterThanOrEqualTo(6))
                .body("firstEventDate", lessThanOrEqualTo("2023-12-15"))
                .body("lastEventDate", greaterThanOrEqualTo("2023-12-21"))
                .body("categories.value", hasItems("时政", "经济", "社会"))
                .body("categories.find { it.value == '时政' }.count", greaterThanOrEqualTo(3))
                .body("persons.value", hasItem("杜小刚"))
                .body("places.value", hasItem("太湖"));
    }

    @Test
    void highlightsComeBackWithThePagesMarkupEscapedAndOnlyTheMarksAsTags() {
        JsonPath answer = given().queryParam("keyword", extra).queryParam("q", "太湖综合治理")
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("hits.id", String.class)).containsExactly(markup.id());
        String headline = answer.getString("hits[0].highlights.headline[0]");
        List<String> body = answer.getList("hits[0].highlights.body", String.class);
        assertThat(headline).contains("&lt;script&gt;alert(1)&lt;").doesNotContain("<script");
        assertThat(String.join("", body)).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        for (String fragment : concat(headline, body)) {
            assertThat(fragment.replace("<em>", "").replace("</em>", "")).doesNotContain("<").doesNotContain(">");
        }
        assertThat(marked(concat(headline, body))).containsOnly("太湖综合治理");
        // the stored article is the page's text as it was; escaping is the highlighter's answer only
        given().when().get("/api/articles/{id}", markup.id()).then().statusCode(200)
                .body("headline", equalTo("太湖综合治理 <script>alert(1)</script>"));
    }

    @Test
    void describesAPersonByTimelineArticlesAndCoMentions() {
        JsonPath answer = given().when().get("/api/entities/person/{name}", visitor)
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("type")).isEqualTo("person");
        assertThat(answer.getString("name")).isEqualTo(visitor);
        assertThat(answer.getInt("total")).isEqualTo(2);
        assertThat(answer.getList("articles.id", String.class)).containsExactly(second.id(), markup.id());
        assertThat(answer.getList("timeline.date", String.class)).containsExactly("2023-12-10", "2023-12-11");
        assertThat(answer.getList("timeline.count", Integer.class)).containsExactly(1, 1);
        assertThat(answer.getList("coMentions.persons.value", String.class))
                .containsExactlyInAnyOrder("赵建军", "叶航雨").doesNotContain(visitor);
        assertThat(answer.getList("coMentions.places.value", String.class)).containsExactly(district);
        assertThat(answer.getList("coMentions.places.count", Integer.class)).containsExactly(2);

        given().queryParam("size", "1").queryParam("page", "2")
                .when().get("/api/entities/place/{name}", district)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("articles.id", contains(markup.id()))
                .body("coMentions.places", org.hamcrest.Matchers.empty())
                .body("coMentions.persons.value", hasItem(visitor));
        given().when().get("/api/entities/org/{name}", "没有这个机构" + run)
                .then().statusCode(200).body("total", equalTo(0)).body("articles", org.hamcrest.Matchers.empty());
        given().when().get("/api/entities/people/{name}", visitor)
                .then().statusCode(400).body("error", equalTo("type must be one of person | place | org, was \"people\""));
    }

    @Test
    void overviewCountsArticlesPerDayAndNamesTheArticleIndexedLast() {
        given().when().get("/api/stats")
                .then().statusCode(200)
                .body("perDay.date", hasItems("2023-12-10", "2023-12-11", "2023-12-21"))
                .body("lastIndexed.id", org.hamcrest.Matchers.notNullValue())
                .body("lastIndexed.enrichedAt", org.hamcrest.Matchers.notNullValue());
    }

    @ParameterizedTest
    @MethodSource("invalidSearches")
    void refusesInvalidInputWith400AndAMessage(Map<String, String> parameters, String message) {
        given().queryParams(parameters)
                .when().get("/api/search")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("error", equalTo(message));
    }

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of(Map.of("size", "0"), "size must be between 1 and 100, was 0"),
                Arguments.of(Map.of("size", "abc"), "size must be a whole number, was \"abc\""),
                Arguments.of(Map.of("from", "2024-13-01"), "from must be a date yyyy-MM-dd, was \"2024-13-01\""),
                Arguments.of(Map.of("from", "2024-05-02", "to", "2024-05-01"), "from (2024-05-02) must not be after to (2024-05-01)"),
                Arguments.of(Map.of("sort", "popular"), "sort must be one of relevance | date, was \"popular\""),
                Arguments.of(Map.of("page", "101", "size", "100"),
                        "page * size must not exceed 10000; narrow the query instead of paging deeper"),
                Arguments.of(Map.of("q", "\"太湖综合治理"), "q has an unclosed double quote; a phrase is written \"like this\""),
                Arguments.of(Map.of("q", "太".repeat(501)), "q is longer than 500 characters"),
                // 90,000 bytes of request line once percent-encoded: the API's answer, not the HTTP server's bare 414
                Arguments.of(Map.of("q", "太".repeat(10_000)), "q is longer than 500 characters"));
    }

    @Test
    void theWebPageRefusesAnOverlongQueryWithAPageThatSaysWhy() {
        given().queryParam("q", "太".repeat(10_000))
                .when().get("/")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("q is longer than 500 characters"));
    }

    @Test
    void acceptsTheLongestQueryTheApiDocumentsWithFilters() {
        // 500 Chinese characters are 4,500 bytes of the request line once percent-encoded
        given().queryParam("q", "综合治理".repeat(125)).queryParam("person", "杜小刚").queryParam("place", "太湖")
                .queryParam("from", "2023-01-01").queryParam("to", "2023-12-31")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void recordsTheLatencyOfEachEndpoint() {
        search().when().get("/api/search").then().statusCode(200);
        given().queryParam("prefix", "杜").when().get("/api/suggest").then().statusCode(200);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("newsflow_search_latency_seconds_count\\{[^}]*endpoint=\"search\"")
                .containsPattern("newsflow_search_latency_seconds_count\\{[^}]*endpoint=\"suggest\"")
                .containsPattern("newsflow_search_latency_seconds\\{[^}]*endpoint=\"search\"[^}]*quantile=\"0.99\"");
    }

    /** A search narrowed to this run's articles. */
    private RequestSpecification search() {
        return given().queryParam("keyword", run);
    }

    private static List<Map.Entry<String, Integer>> facet(JsonPath answer, String name) {
        List<String> values = answer.getList("facets." + name + ".value", String.class);
        List<Integer> counts = answer.getList("facets." + name + ".count", Integer.class);
        List<Map.Entry<String, Integer>> facet = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            facet.add(Map.entry(values.get(i), counts.get(i)));
        }
        return facet;
    }

    /** The marked pieces of highlighted fragments. */
    private static List<String> marked(List<String> fragments) {
        List<String> marked = new ArrayList<>();
        for (String fragment : fragments) {
            Matcher m = MARKED.matcher(fragment);
            while (m.find()) {
                marked.add(m.group(1));
            }
        }
        return marked;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private Article extraArticle(int ordinal, String headline, String body, LocalDate eventDate, List<String> persons) {
        return new Article(Article.idOf(page, ordinal), ordinal, page, "2023-12-22.txt", LocalDate.of(2023, 12, 22),
                headline, List.of(), body, body.substring(0, body.indexOf('。') + 1), eventDate, List.of(eventDate), List.of(),
                persons, List.of(district), List.of(), List.of(extra), "society", body.length(), Instant.now(), "test");
    }

    private Article article(int ordinal, String headline, String body, LocalDate eventDate, String category,
                            List<String> reporters, List<String> persons, List<String> places, List<String> organizations) {
        String lead = body.substring(0, body.indexOf('。') + 1);
        return new Article(Article.idOf(page, ordinal), ordinal, page, "2023-12-22.txt", LocalDate.of(2023, 12, 22),
                headline, List.of(), body, lead, eventDate, eventDate == null ? List.of() : List.of(eventDate), reporters, persons, places, organizations, List.of(run),
                category, body.length(), Instant.now(), "test");
    }
}
