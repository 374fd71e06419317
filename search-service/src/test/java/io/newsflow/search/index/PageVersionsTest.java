package io.newsflow.search.index;

import io.newsflow.model.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PageVersionsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final Instant FIRST = Instant.parse("2024-03-01T06:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2024-03-01T09:00:00Z");
    private static final PageVersions.PageKey FRONT = new PageVersions.PageKey("front.txt", DAY);

    @Test
    void aCorrectedPageIsWrittenAndTheVersionItCorrectsIsRemoved() {
        List<Article> corrected = List.of(article("b", 1, "front.txt", DAY, CORRECTED), article("b", 2, "front.txt", DAY, CORRECTED));

        PageVersions.Plan plan = PageVersions.plan(corrected, Map.of(FRONT, List.of(new PageVersions.Version("a", FIRST))));

        assertThat(plan.write()).isEqualTo(corrected);
        assertThat(plan.superseded()).isEmpty();
        assertThat(plan.older()).isEqualTo(Map.of(FRONT, Set.of("a")));
    }

    @Test
    void anOlderVersionReplayedAfterItsCorrectionIsNotWritten() {
        List<Article> replayed = List.of(article("a", 1, "front.txt", DAY, FIRST), article("a", 2, "front.txt", DAY, FIRST));

        PageVersions.Plan plan = PageVersions.plan(replayed, Map.of(FRONT, List.of(new PageVersions.Version("b", CORRECTED))));

        assertThat(plan.write()).isEmpty();
        assertThat(plan.superseded()).isEqualTo(replayed);
        assertThat(plan.older()).isEmpty();
    }

    @Test
    void bothVersionsInOneBatchKeepOnlyTheNewer() {
        Article old = article("a", 1, "front.txt", DAY, FIRST);
        Article fresh = article("b", 1, "front.txt", DAY, CORRECTED);

        PageVersions.Plan plan = PageVersions.plan(List.of(old, fresh), Map.of());

        assertThat(plan.write()).containsExactly(fresh);
        assertThat(plan.superseded()).containsExactly(old);
    }

    @Test
    void theSameVersionAgainIsWrittenAndNothingIsRemoved() {
        List<Article> again = List.of(article("a", 1, "front.txt", DAY, FIRST));

        PageVersions.Plan plan = PageVersions.plan(again, Map.of(FRONT, List.of(new PageVersions.Version("a", FIRST))));

        assertThat(plan.write()).isEqualTo(again);
        assertThat(plan.older()).isEmpty();
    }

    @Test
    void theSameNameOnAnotherDayOrAnotherNameOnTheSameDayIsAnotherPage() {
        List<Article> batch = List.of(article("b", 1, "front.txt", DAY.plusDays(1), CORRECTED), article("c", 1, "back.txt", DAY, CORRECTED));

        PageVersions.Plan plan = PageVersions.plan(batch, Map.of(FRONT, List.of(new PageVersions.Version("a", FIRST))));

        assertThat(plan.write()).isEqualTo(batch);
        assertThat(plan.older()).isEmpty();
        assertThat(PageVersions.keys(batch)).containsExactly(new PageVersions.PageKey("front.txt", DAY.plusDays(1)),
                new PageVersions.PageKey("back.txt", DAY));
    }

    @Test
    void aPageWithoutIssueDateHasNoIdentityBeyondItsContentAndReplacesNothing() {
        List<Article> undated = List.of(article("b", 1, "front.txt", null, CORRECTED));

        PageVersions.Plan plan = PageVersions.plan(undated, Map.of());

        assertThat(PageVersions.keys(undated)).isEmpty();
        assertThat(plan.write()).isEqualTo(undated);
    }

    @Test
    void twoContentsReceivedAtTheSameInstantAreBothKept() {
        List<Article> batch = List.of(article("b", 1, "front.txt", DAY, FIRST));

        PageVersions.Plan plan = PageVersions.plan(batch, Map.of(FRONT, List.of(new PageVersions.Version("a", FIRST))));

        assertThat(plan.write()).isEqualTo(batch);
        assertThat(plan.older()).isEmpty();
    }

    private static Article article(String sha, int ordinal, String file, LocalDate issueDate, Instant enrichedAt) {
        String pageSha = sha.repeat(64);
        return new Article(Article.idOf(pageSha, ordinal), ordinal, pageSha, file, issueDate, "标题", List.of(), "正文。", "正文。",
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "other", 3, enrichedAt, "test");
    }
}
