package io.newsflow.ingest.budget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteBudgetTest {

    @Test
    void grantsBytesWhileTheyFitAndTakesThemBackWhenAPermitCloses() {
        ByteBudget budget = new ByteBudget(10);

        var first = budget.tryAcquire(6).orElseThrow();
        assertThat(budget.tryAcquire(5)).isEmpty();
        var second = budget.tryAcquire(4).orElseThrow();
        assertThat(budget.used()).isEqualTo(10);

        first.close();
        first.close(); // twice gives back once
        assertThat(budget.used()).isEqualTo(4);
        assertThat(budget.tryAcquire(6)).isPresent();
        second.close();
    }

    @Test
    void neverGrantsMoreThanItHas() {
        assertThat(new ByteBudget(10).tryAcquire(11)).isEmpty();
        assertThat(new ByteBudget(10).tryAcquire(-1)).isEmpty();
    }
}
