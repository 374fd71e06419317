package io.newsflow.search.api;

import io.newsflow.search.index.Reindexer;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;

/** Re-index by replaying {@code news.articles} into a new versioned index, then swapping the alias. */
@Path("/api/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReindexResource {
    private final Reindexer reindexer;

    public ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    @Operation(summary = "Start a re-index", description = "202 with its progress; 409 while one is already running")
    public Response start() throws IOException {
        try {
            return Response.accepted(reindexer.start()).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(new ErrorBody(409, e.getMessage())).build();
        }
    }

    @GET
    @Operation(summary = "Progress of the last re-index")
    public Reindexer.Status status() {
        return reindexer.status();
    }
}
