package io.newsflow.search.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAdmissionTest {

    @Test
    void refusesPastTheLimitAndAdmitsAgainOnceASearchEnds() {
        SearchAdmission admission = new SearchAdmission(2);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        UniAssertSubscriber<String> one = admission.admit(Uni.createFrom().completionStage(first)).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> two = admission.admit(Uni.createFrom().completionStage(second)).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(admission.inFlight()).isEqualTo(2);

        admission.admit(Uni.createFrom().item("third")).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(SearchAdmission.TooManySearchesException.class, "too many searches at once (2 in flight)");

        first.complete("one");
        one.assertItem("one");
        second.completeExceptionally(new IllegalStateException("node said no"));
        two.assertFailedWith(IllegalStateException.class, "node said no");
        assertThat(admission.inFlight()).isZero();
        admission.admit(Uni.createFrom().item("again")).subscribe().withSubscriber(UniAssertSubscriber.create()).assertItem("again");
    }

    @Test
    void aCancelledSearchGivesItsPermitBack() {
        SearchAdmission admission = new SearchAdmission(1);
        UniAssertSubscriber<Object> waiting = admission.admit(Uni.createFrom().nothing()).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(admission.inFlight()).isEqualTo(1);
        waiting.cancel();
        assertThat(admission.inFlight()).isZero();
    }
}
