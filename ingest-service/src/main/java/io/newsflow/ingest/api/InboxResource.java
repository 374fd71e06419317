package io.newsflow.ingest.api;

import io.newsflow.ingest.watch.InboxState;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/inbox}: how many files wait in the inbox, are being published and were refused, and the newest
 * refused ones with their reasons ({@link InboxState}). search-service's overview page asks this instead of reading
 * the folders itself. Reading rule: open unless {@code newsflow.security.read-protected}, then role {@code reader},
 * as for {@code /q/metrics}, which carries the same counts; the overview page showing them follows the same rule.
 */
@Path("/api/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class InboxResource {
    private final InboxState state;

    public InboxResource(InboxState state) {
        this.state = state;
    }

    @GET
    public InboxState.Snapshot inbox() {
        return state.current();
    }
}
