package io.newsflow.search.api;

import io.newsflow.access.ErrorBody;

import io.newsflow.search.index.Reindexer;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;

/**
 * Re-index by replaying {@code news.articles} into a new versioned index, then swapping the alias. Starting one and
 * seeing its progress need role {@code admin} (HTTP Basic).
 */
@Path("/api/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed("admin")
public class ReindexResource {
    /** WebDAV's Insufficient Storage: the request is fine, the disks cannot take what it would write. */
    private static final int INSUFFICIENT_STORAGE = 507;

    private final Reindexer reindexer;

    public ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    @Operation(summary = "Start a re-index", description = "202 with its progress; 409 while one is already running; "
            + "507 when a copy of the current index would take a data node's disk past the low disk watermark")
    public Response start() throws IOException {
        try {
            return Response.accepted(reindexer.start()).build();
        } catch (Reindexer.NotEnoughDiskException e) {
            return Response.status(INSUFFICIENT_STORAGE).entity(new ErrorBody(INSUFFICIENT_STORAGE, e.getMessage())).build();
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
