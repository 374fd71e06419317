package io.newsflow.search.web;

import io.newsflow.search.alert.AlertHit;
import io.newsflow.search.alert.SavedSearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SavedSearchViewsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MATCHED = Instant.parse("2024-03-02T01:02:03Z");

    @Test
    void aNewSavedSearchIsNamedAfterItsWordsElseItsFirstFilterElseItsDates() {
        assertThat(SavedSearchViews.suggestedName(form(" 太湖 治理 ", Map.of("person", List.of("杜小刚")), null, null))).isEqualTo("太湖 治理");
        assertThat(SavedSearchViews.suggestedName(form(null, Map.of("category", List.of("environment"), "person", List.of("杜小刚")), null, null)))
                .isEqualTo("人物：杜小刚");
        assertThat(SavedSearchViews.suggestedName(form(null, Map.of("category", List.of("environment")), null, null))).isEqualTo("分类：环境");
        assertThat(SavedSearchViews.suggestedName(form(null, Map.of(), "2024-01-01", null))).isEqualTo("事件日期 2024-01-01 至 …");
        assertThat(SavedSearchViews.suggestedName(form(null, Map.of(), null, null))).isEmpty();
        assertThat(SavedSearchViews.suggestedName(form("词".repeat(150), Map.of(), null, null))).hasSize(100);
    }

    @Test
    void theCriteriaAreShownInThePagesWordsInTheSearchPagesOrder() {
        SavedSearchViews.FormView view = SavedSearchViews.FormView.of(
                form("太湖", Map.of("category", List.of("environment"), "person", List.of("杜小刚", "王拓")), "2024-01-01", "2024-02-01"),
                "太湖", "", "s".repeat(48), null);

        assertThat(view.criteria()).extracting(c -> c.label() + "：" + c.value())
                .containsExactly("词语：太湖", "人物：杜小刚", "人物：王拓", "分类：环境", "开始日期：2024-01-01", "结束日期：2024-02-01");
        assertThat(view.fields()).extracting(f -> f.name() + "=" + f.value())
                .containsExactly("q=太湖", "person=杜小刚", "person=王拓", "category=environment", "from=2024-01-01", "to=2024-02-01");
    }

    @Test
    void aSavedSearchLinksToItsSearchItsFeedAndItsDeletion() {
        SavedSearch search = new SavedSearch("abc123", "alerts", "太湖", Map.of("q", List.of("太湖"), "person", List.of("杜小刚")),
                new SavedSearch.Webhook("https://hooks.example/x", "secret-secret-secret"), "tok&en", MATCHED, MATCHED);

        SavedSearchViews.SavedSearchView view = SavedSearchViews.SavedSearchView.of(search, List.of(hit(AlertHit.State.DELIVERED, 1, 200, "ok")), SHANGHAI);

        assertThat(view.searchUrl()).isEqualTo("/?q=%E5%A4%AA%E6%B9%96&person=%E6%9D%9C%E5%B0%8F%E5%88%9A");
        assertThat(view.feedUrl()).isEqualTo("/api/saved-searches/abc123/feed.atom?token=tok%26en");
        assertThat(view.deleteUrl()).isEqualTo("/saved-searches/abc123/delete");
        assertThat(view.webhookUrl()).isEqualTo("https://hooks.example/x");
        assertThat(view.hits()).singleElement().satisfies(row -> {
            assertThat(row.articleUrl()).isEqualTo("/articles/a1-1");
            assertThat(row.matchedAt()).isEqualTo("2024-03-02T01:02:03Z");
            assertThat(row.matchedAtText()).isEqualTo("2024-03-02 09:02:03");
            assertThat(row.state()).isEqualTo("delivered");
            assertThat(row.stateText()).isEqualTo("已送达");
            assertThat(row.answer()).isNull();
        });
    }

    @Test
    void eachDeliveryStateIsSaidInWordsWithTheAnswerWhenAnAttemptFailed() {
        assertThat(row(AlertHit.State.NO_WEBHOOK, 0, null, null).stateText()).startsWith("未设 webhook");
        assertThat(row(AlertHit.State.PENDING, 0, null, null).stateText()).isEqualTo("等待发送");
        SavedSearchViews.HitRow retrying = row(AlertHit.State.PENDING, 2, 503, "busy");
        assertThat(retrying.stateText()).isEqualTo("等待重试（已试 2 次，上次 HTTP 503）");
        assertThat(retrying.answer()).isEqualTo("busy");
        assertThat(row(AlertHit.State.HELD, 0, null, null).stateText()).contains("汇总");
        assertThat(row(AlertHit.State.SENDING, 0, null, null).stateText()).isEqualTo("正在发送");
        SavedSearchViews.HitRow failed = row(AlertHit.State.FAILED, 1, 404, " no such hook " + "x".repeat(300));
        assertThat(failed.stateText()).isEqualTo("发送失败（HTTP 404）");
        assertThat(failed.answer()).startsWith("no such hook").hasSize(201).endsWith("…");
        SavedSearchViews.HitRow refused = row(AlertHit.State.FAILED, 0, 0, "address 10.0.0.1 is private");
        assertThat(refused.stateText()).isEqualTo("发送失败");
        assertThat(refused.answer()).isEqualTo("address 10.0.0.1 is private");
        assertThat(row(AlertHit.State.DELIVERED, 1, 200, "ok").answer()).isNull();
    }

    private static SavedSearchViews.HitRow row(AlertHit.State state, int attempts, Integer status, String answer) {
        return SavedSearchViews.HitRow.of(hit(state, attempts, status, answer), SHANGHAI);
    }

    private static AlertHit hit(AlertHit.State state, int attempts, Integer status, String answer) {
        return new AlertHit(AlertHit.deliveryIdOf("abc123", "a1-1"), "abc123", "alerts", "a1-1", "太湖治理取得新进展", "本报讯",
                null, null, List.of("太湖"), List.of(), MATCHED, state, attempts, null, null, status, answer, null, null);
    }

    private static SearchForm form(String q, Map<String, List<String>> filters, String from, String to) {
        return new SearchForm(q, filters, from, to, null, null, null);
    }
}
