package io.newsflow.bench.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SystemStateTest {

    @Test
    void settledMeansExactlyTheExpectedIdsNothingWaitingAndEveryServiceReady() {
        Set<String> expected = Set.of("a-1", "a-2");

        assertThat(state(Set.of("a-1", "a-2"), 0, 0, 0, List.of()).settled(expected)).isTrue();
        assertThat(state(Set.of("a-1"), 0, 0, 0, List.of()).settled(expected)).isFalse();
        assertThat(state(Set.of("a-1", "a-2", "poison-1"), 0, 0, 0, List.of()).settled(expected)).isFalse();
        assertThat(state(Set.of("a-1", "a-2"), 0, 0, 1, List.of()).settled(expected)).isFalse();
        assertThat(state(Set.of("a-1", "a-2"), 0, 0, 0, List.of("enrich-service")).settled(expected)).isFalse();
    }

    @Test
    void onlyTheRunsBadPagesMayBeDeadLetteredEachExactlyOnce() {
        assertThat(state(Set.of(), 1, 0, 0, List.of()).onlyBadPagesRefused(1)).isTrue();
        assertThat(state(Set.of(), 0, 0, 0, List.of()).onlyBadPagesRefused(1)).isFalse();
        assertThat(state(Set.of(), 2, 0, 0, List.of()).onlyBadPagesRefused(1)).isFalse();
        assertThat(state(Set.of(), 0, 0, 0, List.of()).onlyBadPagesRefused(0)).isTrue();
        assertThat(state(Set.of(), 0, 1, 0, List.of()).onlyBadPagesRefused(0)).isFalse();
    }

    @Test
    void anArticleFoundTwiceIsADuplicateThoughItsIdIsThereOnce() {
        SystemState twice = new SystemState(Set.of("a-1", "a-2"), 3, 0, 0, 0, 0, List.of());

        assertThat(twice.duplicates()).isEqualTo(1);
        assertThat(twice.settled(Set.of("a-1", "a-2"))).isFalse();
    }

    @Test
    void countsTheLostAndTheExtraIds() {
        SystemState state = state(Set.of("a-1", "x-1", "x-2"), 0, 0, 0, List.of());

        assertThat(state.lost(Set.of("a-1", "a-2"))).isEqualTo(1);
        assertThat(state.extra(Set.of("a-1", "a-2"))).isEqualTo(2);
    }

    private static SystemState state(Set<String> ids, long pagesDeadLettered, long articlesDeadLettered, long waiting,
                                     List<String> notReady) {
        return new SystemState(ids, ids.size(), pagesDeadLettered, articlesDeadLettered, waiting, 0, notReady);
    }
}
