package io.newsflow.search.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hits as they are matched and as their delivery changes, for pages that show them live (server-sent events). Only
 * what this instance did: a page follows the instance it is connected to.
 */
@ApplicationScoped
public class AlertEvents {
    private final BroadcastProcessor<AlertHit> hits = BroadcastProcessor.create();

    void publish(AlertHit hit) {
        hits.onNext(hit);
    }

    /** Every hit from now on; a slow subscriber loses the oldest rather than holding the others up. */
    public Multi<AlertHit> stream() {
        return hits.onOverflow().drop();
    }
}
