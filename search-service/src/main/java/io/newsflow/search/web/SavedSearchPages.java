package io.newsflow.search.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.logging.LogSafe;
import io.newsflow.search.alert.AlertEvents;
import io.newsflow.search.alert.AlertHits;
import io.newsflow.search.alert.AlertsConfig;
import io.newsflow.search.alert.SavedSearch;
import io.newsflow.search.alert.SavedSearchEditor;
import io.newsflow.search.alert.SavedSearchLog;
import io.newsflow.search.alert.SavedSearchRequest;
import io.newsflow.search.alert.SavedSearches;
import io.newsflow.search.query.InvalidQueryException;
import io.newsflow.search.query.QueryParameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page's saved searches (role {@code alerts} or {@code admin}; the browser asks for the password itself, on
 * the 401 with {@code WWW-Authenticate}): the form that saves the search page's criteria ({@code /saved-searches/new},
 * posted to {@code /saved-searches}), the list of one's saved searches with their latest hits, kept up to date by
 * server-sent events ({@code /saved-searches/events}), and deleting one. Saved and checked by
 * {@link SavedSearchEditor}, as the API saves them. The POSTs refuse a form another site sent ({@link FormOrigin}),
 * since the browser adds the credentials to it by itself.
 */
@Path("/saved-searches")
@Produces("text/html;charset=UTF-8")
@RolesAllowed({"alerts", "admin"})
public class SavedSearchPages {
    private static final Logger LOG = Logger.getLogger(SavedSearchPages.class);
    /** A comment this often keeps an idle event stream open through proxies, and finds pages closed meanwhile. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SavedSearchViews.ListView view);

        static native TemplateInstance form(SavedSearchViews.FormView view);
    }

    private final SavedSearches searches;
    private final SavedSearchEditor editor;
    private final SavedSearchLog log;
    private final AlertHits hits;
    private final AlertEvents events;
    private final AlertsConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final ZoneId zone = ZoneId.systemDefault();

    public SavedSearchPages(SavedSearches searches, SavedSearchEditor editor, SavedSearchLog log, AlertHits hits,
                            AlertEvents events, AlertsConfig config, SecurityIdentity identity, ObjectMapper json) {
        this.searches = searches;
        this.editor = editor;
        this.log = log;
        this.hits = hits;
        this.events = events;
        this.config = config;
        this.identity = identity;
        this.json = json;
    }

    @GET
    @Blocking
    public Response list(@RestQuery String saved, @RestQuery String deleted) throws IOException {
        String owner = owner();
        List<SavedSearchViews.SavedSearchView> views = new ArrayList<>();
        for (SavedSearch search : searches.ownedBy(owner)) {
            views.add(SavedSearchViews.SavedSearchView.of(search, hits.latest(search.id(), config.latestHits()), zone));
        }
        String notice = null;
        String savedId = null;
        if (saved != null) {
            SavedSearch search = editor.owned(owner, saved).orElse(null);
            if (search != null) {
                notice = "已保存“" + search.name() + "”。之后每篇符合条件的新文章都会出现在它下面。";
                savedId = search.id();
            }
        } else if (deleted != null) {
            notice = "已删除一个保存的搜索。";
        }
        return html(Response.Status.OK, Templates.list(new SavedSearchViews.ListView(views, notice, savedId, config.latestHits())));
    }

    @GET
    @Path("new")
    public Response form(@RestQuery String q, @RestQuery List<String> person, @RestQuery List<String> place,
                         @RestQuery List<String> org, @RestQuery List<String> reporter, @RestQuery List<String> category,
                         @RestQuery List<String> keyword, @RestQuery String from, @RestQuery String to) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("person", person);
        filters.put("place", place);
        filters.put("org", org);
        filters.put("reporter", reporter);
        filters.put("category", category);
        filters.put("keyword", keyword);
        SearchForm search = new SearchForm(q, filters, from, to, null, null, null);
        String name = SavedSearchViews.suggestedName(search);
        String secret = SavedSearchEditor.newSecret();
        try {
            // the criteria are told wrong now, not only after the form is filled in
            QueryParameters.criteria(search.criteria());
            if (search.isBlank()) {
                throw new InvalidQueryException("没有搜索条件：请先在搜索页输入词语或选择筛选条件，再保存。");
            }
        } catch (InvalidQueryException e) {
            return html(Response.Status.BAD_REQUEST, Templates.form(SavedSearchViews.FormView.of(search, name, "", secret, e.getMessage())));
        }
        return html(Response.Status.OK, Templates.form(SavedSearchViews.FormView.of(search, name, "", secret, null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(MultivaluedMap<String, String> form, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                                @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        if (!FormOrigin.sameOrigin(fetchSite, origin, uri.getRequestUri().getRawAuthority())) {
            return Uni.createFrom().item(crossSite());
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        SearchForm.FILTERS.forEach(name -> filters.put(name, form.getOrDefault(name, List.of())));
        SearchForm search = new SearchForm(form.getFirst("q"), filters, form.getFirst("from"), form.getFirst("to"), null, null, null);
        String name = valueOf(form.getFirst("name"));
        String webhookUrl = valueOf(form.getFirst("webhookUrl")).strip();
        String webhookSecret = valueOf(form.getFirst("webhookSecret")).strip();
        SavedSearchRequest request = new SavedSearchRequest(name, new LinkedHashMap<>(search.criteria()),
                webhookUrl.isEmpty() ? null : new SavedSearchRequest.WebhookRequest(webhookUrl, webhookSecret));
        try {
            return editor.create(owner(), request)
                    .map(saved -> Response.seeOther(URI.create("/saved-searches?saved=" + saved.search().id())).build())
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("page=saved-searches outcome=not-saved reason=\"%s\"", LogSafe.text(String.valueOf(e.getMessage())));
                        return html(Response.Status.SERVICE_UNAVAILABLE, Templates.form(SavedSearchViews.FormView.of(search, name,
                                webhookUrl, webhookSecret, "暂时无法保存（消息队列 Kafka 没有确认），请稍后再试。")));
                    });
        } catch (InvalidQueryException e) {
            return Uni.createFrom().item(html(Response.Status.BAD_REQUEST,
                    Templates.form(SavedSearchViews.FormView.of(search, name, webhookUrl, webhookSecret, e.getMessage()))));
        }
    }

    @POST
    @Path("{id}/delete")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                                @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        if (!FormOrigin.sameOrigin(fetchSite, origin, uri.getRequestUri().getRawAuthority())) {
            return Uni.createFrom().item(crossSite());
        }
        SavedSearch search = editor.owned(owner(), id).orElse(null);
        if (search == null) {
            return Uni.createFrom().item(error(Response.Status.NOT_FOUND, "没有这个保存的搜索",
                    "你没有编号为 " + QueryParameters.shortened(id) + " 的保存搜索；它也许已被删除。"));
        }
        return log.delete(search.id()).map(done -> Response.seeOther(URI.create("/saved-searches?deleted=1")).build());
    }

    /**
     * The user's own hits as they are matched and as their delivery changes ({@code hit} events, each a
     * {@link SavedSearchViews.HitRow} as JSON); first a {@code ready} event once the page follows them, then a
     * comment now and then.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        String owner = owner();
        Multi<OutboundSseEvent> hitEvents = events.stream()
                .filter(hit -> owner.equals(hit.owner()))
                .map(hit -> sse.newEventBuilder().name("hit").data(toJson(SavedSearchViews.HitRow.of(hit, zone))).build());
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready").data("{}").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // subscribed in this order: the hits are followed before the page is told it follows them
        return Multi.createBy().merging().streams(hitEvents, ready, keepAlive);
    }

    @ServerExceptionMapper
    public Response unavailable(IOException e) {
        LOG.warnf("page=saved-searches outcome=unavailable reason=\"%s\"", LogSafe.text(e.getMessage()));
        return error(Response.Status.SERVICE_UNAVAILABLE, "保存的搜索暂时不可用", "暂时连不上搜索索引（Elasticsearch），请稍后再试。");
    }

    private String toJson(SavedSearchViews.HitRow row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a row of strings is always JSON", e);
        }
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    private static Response crossSite() {
        return error(Response.Status.FORBIDDEN, "拒绝了来自其他网站的表单",
                "这个表单不是从本站的页面提交的，为防止其他网站借用你的登录，没有执行。请在本站的“保存的搜索”页面上重新操作。");
    }

    private static String valueOf(String value) {
        return value == null ? "" : value;
    }

    private static Response error(Response.Status status, String title, String message) {
        return html(status, WebPages.Templates.error(new Views.ErrorView(status.getStatusCode(), title, message)));
    }

    private static Response html(Response.Status status, TemplateInstance page) {
        // the pages are one user's own (and the form shows a new webhook secret): not for shared caches or history
        return Response.fromResponse(WebPages.html(status, page)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
