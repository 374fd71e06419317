package io.newsflow.search.alert;

import io.newsflow.access.ErrorBody;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Saved searches: create, list, show (with their latest hits), change and delete them; role {@code alerts}. Each
 * user sees and changes only their own. The Atom feed of one is open to whoever holds its feed token, so that feed
 * readers can follow it without a password.
 */
@Path("/api/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "saved searches")
public class SavedSearchResource {
    private final SavedSearches searches;
    private final SavedSearchLog log;
    private final SavedSearchEditor editor;
    private final AlertHits hits;
    private final AlertsConfig config;
    private final SecurityIdentity identity;

    public SavedSearchResource(SavedSearches searches, SavedSearchLog log, SavedSearchEditor editor, AlertHits hits,
                               AlertsConfig config, SecurityIdentity identity) {
        this.searches = searches;
        this.log = log;
        this.editor = editor;
        this.hits = hits;
        this.config = config;
        this.identity = identity;
    }

    /** A saved search as its owner sees it; the webhook's secret is shown when it was generated, in that answer only. */
    public record View(String id, String name, Map<String, List<String>> params, WebhookView webhook, String feedToken,
                       String feedUrl, Instant createdAt, Instant updatedAt, List<AlertHit> hits) {
    }

    public record WebhookView(String url, String secret) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"alerts", "admin"})
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Save a search", description = "params takes /api/search's parameters (each value a string or a "
            + "list of strings; no page, size or sort). Every new article it matches is a hit: posted to the webhook if "
            + "one is given (signed, see docs/search-api.md), listed in the feed and on the web page.")
    @APIResponse(responseCode = "201", description = "saved; the answer has its id and feed token")
    @APIResponse(responseCode = "400", description = "invalid name, parameters or webhook, or too many saved searches",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> create(SavedSearchRequest request) {
        return editor.create(owner(), request).map(saved -> Response.created(URI.create("/api/saved-searches/" + saved.search().id()))
                .entity(view(saved.search(), saved.secretGenerated(), null)).build());
    }

    @GET
    @RolesAllowed({"alerts", "admin"})
    @SecurityRequirement(name = "basic")
    @Operation(summary = "List your saved searches", description = "oldest first, without their hits")
    public List<View> list() {
        return searches.ownedBy(owner()).stream().map(s -> view(s, false, null)).toList();
    }

    @GET
    @Path("{id}")
    @Blocking
    @RolesAllowed({"alerts", "admin"})
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Show a saved search with its latest hits", description = "hits newest first, each with its articleId "
            + "and delivery state")
    @APIResponse(responseCode = "404", description = "no saved search of yours has this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public View show(@PathParam("id") String id) throws IOException {
        SavedSearch search = owned(id);
        return view(search, false, hits.latest(search.id(), config.latestHits()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"alerts", "admin"})
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Change a saved search", description = "replaces name, params and webhook; id, feed token and its "
            + "hits stay. Articles are matched with the new parameters from now on.")
    @APIResponse(responseCode = "400", description = "invalid name, parameters or webhook",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "no saved search of yours has this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<View> change(@PathParam("id") String id, SavedSearchRequest request) {
        return editor.change(owned(id), request).map(saved -> view(saved.search(), saved.secretGenerated(), null));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"alerts", "admin"})
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Delete a saved search", description = "no more hits are matched or delivered for it")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no saved search of yours has this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> delete(@PathParam("id") String id) {
        SavedSearch search = owned(id);
        return log.delete(search.id()).map(done -> Response.noContent().build());
    }

    @GET
    @Path("{id}/feed.atom")
    @PermitAll
    @Blocking
    @Produces("application/atom+xml; charset=utf-8")
    @Operation(summary = "The Atom feed of a saved search", description = "its latest hits; open to whoever has its feed "
            + "token (given when it was saved), so feed readers can follow it")
    @APIResponse(responseCode = "200", description = "an Atom 1.0 feed")
    @APIResponse(responseCode = "404", description = "no saved search with this id and token")
    public Response feed(@PathParam("id") String id, @QueryParam("token") String token) throws IOException {
        SavedSearch search = searches.get(id).orElse(null);
        if (search == null || token == null || !MessageDigest.isEqual(search.feedToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new SavedSearchNotFoundException("no saved search with this id and token");
        }
        List<AlertHit> latest = hits.latest(search.id(), config.feedEntries());
        String base = config.publicUrl();
        return Response.ok(AtomFeed.of(search, latest, base)).build();
    }

    private SavedSearch owned(String id) {
        return editor.owned(owner(), id).orElseThrow(() -> new SavedSearchNotFoundException("no saved search of yours has id " + id));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    private View view(SavedSearch search, boolean showSecret, List<AlertHit> latest) {
        WebhookView webhook = search.webhook() == null ? null
                : new WebhookView(search.webhook().url(), showSecret ? search.webhook().secret() : null);
        String feedUrl = config.publicUrl() + "/api/saved-searches/" + search.id() + "/feed.atom?token=" + search.feedToken();
        return new View(search.id(), search.name(), search.params(), webhook, search.feedToken(), feedUrl,
                search.createdAt(), search.updatedAt(), latest);
    }

    /** A saved search that is not there (for this user, or with this token): a JSON 404. */
    static final class SavedSearchNotFoundException extends RuntimeException {
        SavedSearchNotFoundException(String message) {
            super(message);
        }
    }

    @ServerExceptionMapper
    public Response notFound(SavedSearchNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(404, e.getMessage())).build();
    }
}
