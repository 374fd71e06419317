package io.newsflow.search.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.newsflow.logging.LogSafe;
import io.newsflow.model.Article;
import io.newsflow.search.api.ArticleStats;
import io.newsflow.search.api.EntityReport;
import io.newsflow.search.api.RawSearch;
import io.newsflow.search.api.SearchAnswer;
import io.newsflow.search.api.SearchResult;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.ArticleQuery;
import io.newsflow.search.query.EntityKind;
import io.newsflow.search.query.EntityRequestFactory;
import io.newsflow.search.query.InvalidQueryException;
import io.newsflow.search.query.PageArticlesRequestFactory;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SearchRequestFactory;
import io.newsflow.search.query.SimilarRequestFactory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page: search ({@code /}, the parameters of {@code /api/search}), an article, a person/place/organisation,
 * and the overview with the pipeline's state. Server-rendered HTML (Qute, escaping everything but Elasticsearch's
 * already escaped highlight fragments), built from the same request factories and the same searches as the REST API;
 * one request to Elasticsearch per page where the page allows (the article page needs the article first).
 */
@Path("/")
@Produces("text/html;charset=UTF-8")
public class WebPages {
    private static final Logger LOG = Logger.getLogger(WebPages.class);
    /** Hits per search page and articles per entity page. */
    static final int PAGE_SIZE = 20;
    static final int SIMILAR = 5;
    private static final Duration ELASTICSEARCH_WAIT = Duration.ofSeconds(35);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Views.SearchView view);

        static native TemplateInstance article(Views.ArticleView view);

        static native TemplateInstance entity(Views.EntityView view);

        static native TemplateInstance overview(Views.OverviewView view);

        static native TemplateInstance error(Views.ErrorView view);
    }

    private final RawSearch search;
    private final ElasticsearchClient client;
    private final OverviewReadings overviewReadings;
    private final SearchConfig config;
    private final SearchRequestFactory searchRequests;
    private final EntityRequestFactory entityRequests;
    private final SimilarRequestFactory similarRequests = new SimilarRequestFactory();
    private final PageArticlesRequestFactory pageRequests = new PageArticlesRequestFactory();

    public WebPages(RawSearch search, ElasticsearchClient client, OverviewReadings overviewReadings,
                    SearchConfig config, ApiConfig apiConfig) {
        this.search = search;
        this.client = client;
        this.overviewReadings = overviewReadings;
        this.config = config;
        this.searchRequests = new SearchRequestFactory(apiConfig.facetSize());
        this.entityRequests = new EntityRequestFactory(apiConfig.facetSize());
    }

    @GET
    public Uni<Response> search(@RestQuery String q, @RestQuery List<String> person, @RestQuery List<String> place,
                                @RestQuery List<String> org, @RestQuery List<String> reporter,
                                @RestQuery List<String> category, @RestQuery List<String> keyword,
                                @RestQuery String from, @RestQuery String to, @RestQuery String sort,
                                @RestQuery String page, @RestQuery String size) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("person", person);
        filters.put("place", place);
        filters.put("org", org);
        filters.put("reporter", reporter);
        filters.put("category", category);
        filters.put("keyword", keyword);
        SearchForm form = new SearchForm(q, filters, from, to, sort, page, size);
        ArticleQuery query;
        try {
            checkDateOrder(from, to);
            query = QueryParameters.articleQuery(q, person, place, org, reporter, category, keyword, from, to, sort, page,
                    size, PAGE_SIZE);
        } catch (InvalidQueryException e) {
            return Uni.createFrom().item(html(Response.Status.BAD_REQUEST,
                    Templates.search(SearchPage.invalid(form, e.getMessage()))));
        }
        return search.search(searchRequests.build(query, config.alias()))
                .map(answer -> html(Response.Status.OK, Templates.search(SearchPage.of(form, query, answer.toResult()))));
    }

    /** The one mistake a date picker makes easy, said in the page's language before the API's own checks. */
    private static void checkDateOrder(String from, String to) {
        try {
            if (from != null && to != null && !from.isBlank() && !to.isBlank()
                    && LocalDate.parse(from.strip()).isAfter(LocalDate.parse(to.strip()))) {
                throw new InvalidQueryException("开始日期 " + from.strip() + " 晚于结束日期 " + to.strip()
                        + "：请把开始日期改早，或把结束日期改晚。");
            }
        } catch (DateTimeParseException e) {
            // not dates: QueryParameters says so
        }
    }

    @GET
    @Path("articles/{id}")
    @Blocking
    public Response article(@PathParam("id") String id) throws IOException {
        if (id.length() > 100) {
            return notFound("没有这篇文章", "没有编号为 " + QueryParameters.shortened(id) + " 的文章。");
        }
        GetResponse<Article> found = client.get(g -> g.index(config.alias()).id(id), Article.class);
        if (!found.found() || found.source() == null) {
            return notFound("没有这篇文章", "没有编号为 " + id + " 的文章；它也许已被删除，或链接有误。");
        }
        Article article = found.source();
        List<SearchAnswer> lists = search.searchAll(List.of(
                        pageRequests.build(config.alias(), article.pageSha256()),
                        similarRequests.build(config.alias(), found.index(), id, SIMILAR)))
                .await().atMost(ELASTICSEARCH_WAIT);
        Map<EntityKind, List<String>> names = new LinkedHashMap<>();
        names.put(EntityKind.PERSON, article.persons());
        names.put(EntityKind.PLACE, article.places());
        names.put(EntityKind.ORG, article.organizations());
        List<Views.NameLink> links = new ArrayList<>();
        names.forEach((kind, values) -> values.forEach(name ->
                links.add(new Views.NameLink(name, Labels.kind(kind), kind.parameter(), Views.entityUrl(kind, name)))));
        Views.ArticleView view = new Views.ArticleView(article, Labels.category(article.category()),
                MarkedText.of(article.body(), names), links,
                lists.get(0).toResult().hits().stream().map(h -> Views.HitView.of(h, h.id().equals(id))).toList(),
                lists.get(1).toResult().hits().stream().map(Views.HitView::of).toList());
        return html(Response.Status.OK, Templates.article(view));
    }

    @GET
    @Path("entities/{type}/{name}")
    public Uni<Response> entity(@PathParam("type") String type, @PathParam("name") String name, @RestQuery String page) {
        EntityKind kind;
        int pageNumber;
        try {
            kind = EntityKind.parse(type);
            pageNumber = QueryParameters.wholeNumber("page", page, 1);
            entityRequests.build(kind, name, pageNumber, PAGE_SIZE, config.alias());
        } catch (InvalidQueryException e) {
            return Uni.createFrom().item(error(Response.Status.BAD_REQUEST, "无法显示", e.getMessage()));
        }
        String exact = name.strip();
        return search.search(entityRequests.build(kind, exact, pageNumber, PAGE_SIZE, config.alias()))
                .map(answer -> html(Response.Status.OK, Templates.entity(EntityPage.of(kind,
                        EntityReport.of(kind.parameter(), exact, answer.toResult()), pageNumber, PAGE_SIZE))));
    }

    @GET
    @Path("overview")
    @Blocking
    public Response overview() {
        return html(Response.Status.OK, Templates.overview(OverviewPage.of(overviewReadings.look())));
    }

    @ServerExceptionMapper
    public Response unavailable(IOException e) {
        LOG.warnf("page=web outcome=unavailable reason=\"%s\"", LogSafe.text(e.getMessage()));
        return error(Response.Status.SERVICE_UNAVAILABLE, "搜索暂时不可用", "暂时连不上搜索索引（Elasticsearch），请稍后再试。");
    }

    @ServerExceptionMapper
    public Response elasticsearchError(ElasticsearchException e) {
        LOG.warnf("page=web outcome=failed status=%d reason=\"%s\"", e.status(), LogSafe.text(e.getMessage()));
        if (e.status() == 400) {
            return error(Response.Status.BAD_REQUEST, "无法执行这个查询", "Elasticsearch 无法执行这个查询，请换一种写法。");
        }
        return error(Response.Status.SERVICE_UNAVAILABLE, "搜索暂时不可用", "搜索索引暂时无法回答，请稍后再试。");
    }

    private static Response notFound(String title, String message) {
        return error(Response.Status.NOT_FOUND, title, message);
    }

    private static Response error(Response.Status status, String title, String message) {
        return html(status, Templates.error(new Views.ErrorView(status.getStatusCode(), title, message)));
    }

    /** A rendered page as an HTML answer (the saved-search pages add their own cache header to it). */
    static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type("text/html;charset=UTF-8").build();
    }
}
