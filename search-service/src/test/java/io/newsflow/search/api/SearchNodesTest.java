package io.newsflow.search.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which a request tries the nodes: in turn, a failed node left out for a while, never none at all. */
class SearchNodesTest {
    private static final Duration AVOID_FOR = Duration.ofSeconds(30);

    private final AtomicLong clock = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final SearchNodes nodes = new SearchNodes(List.of("es-a:9200", "es-b:9201", "es-c"), AVOID_FOR, clock::get);

    @Test
    void theNodesAreTakenInTurnWithTheOthersBehindAsFallbacks() {
        assertThat(names(nodes.forRequest())).containsExactly("es-a:9200", "es-b:9201", "es-c:9200");
        assertThat(names(nodes.forRequest())).containsExactly("es-b:9201", "es-c:9200", "es-a:9200");
        assertThat(names(nodes.forRequest())).containsExactly("es-c:9200", "es-a:9200", "es-b:9201");
        assertThat(names(nodes.forRequest())).containsExactly("es-a:9200", "es-b:9201", "es-c:9200");
    }

    @Test
    void aFailedNodeIsLeftOutUntilItsTimeIsUpThenTriedAgain() {
        SearchNodes.Node b = nodes.forRequest().get(1);
        nodes.failed(b);

        for (int i = 0; i < 6; i++) {
            assertThat(names(nodes.forRequest())).doesNotContain("es-b:9201").hasSize(2);
        }
        clock.addAndGet(AVOID_FOR.toNanos() - 1);
        assertThat(names(nodes.forRequest())).doesNotContain("es-b:9201");
        clock.addAndGet(1);
        assertThat(names(nodes.forRequest())).contains("es-b:9201").hasSize(3);
    }

    @Test
    void aNodeThatAnswersIsTakenInTurnAgainAtOnce() {
        SearchNodes.Node a = nodes.forRequest().get(0);
        nodes.failed(a);
        assertThat(names(nodes.forRequest())).doesNotContain("es-a:9200");

        assertThat(nodes.answered(a)).as("it had been left out").isTrue();
        assertThat(nodes.answered(a)).isFalse();
        assertThat(names(nodes.forRequest())).contains("es-a:9200");
    }

    @Test
    void whenEveryNodeIsLeftOutTheOneWhoseTimeRunsOutFirstIsTried() {
        List<SearchNodes.Node> all = nodes.forRequest();
        nodes.failed(all.get(1));
        clock.addAndGet(1_000_000_000L);
        nodes.failed(all.get(2));
        nodes.failed(all.get(0));

        assertThat(nodes.forRequest()).containsExactly(all.get(1));
        assertThat(nodes.forRequest()).containsExactly(all.get(1));
    }

    private static List<String> names(List<SearchNodes.Node> order) {
        return order.stream().map(SearchNodes.Node::toString).toList();
    }
}
