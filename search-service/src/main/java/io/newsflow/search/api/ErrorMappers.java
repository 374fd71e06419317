package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsflow.access.ErrorBody;
import io.newsflow.logging.LogSafe;
import io.newsflow.search.index.RefusalPolicy;
import io.newsflow.search.query.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.elasticsearch.client.ResponseException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * Maps failures to JSON answers ({@link ErrorBody}): the caller's mistakes to 400, an unknown article to 404,
 * an unreachable node or a missing index to 503.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return json(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response articleNotFound(ArticleNotFoundException e) {
        return json(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooManySearches(SearchAdmission.TooManySearchesException e) {
        return Response.fromResponse(json(Response.Status.SERVICE_UNAVAILABLE, e.getMessage())).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper(IOException.class)
    public Response indexUnavailable(Exception e) {
        int status = e instanceof ErrorAnswerException answer ? answer.status()
                : e instanceof ResponseException refused ? refused.getResponse().getStatusLine().getStatusCode() : 0;
        if (status == 401 || status == 403) {
            return credentialsRefused(status);
        }
        ErrorBody body = new ErrorBody(503, "the search index is not reachable right now; try again shortly");
        LOG.warnf("outcome=unavailable errorId=%s reason=\"%s\"", body.id(), LogSafe.text(e.getMessage()));
        return json(body);
    }

    /**
     * The node refused this service's own credentials (a rotated password, a removed role): the operator's to fix, not
     * the caller's fault, and it lasts until fixed. Indexing waits for the same reason (readiness says so).
     */
    private static Response credentialsRefused(int status) {
        ErrorBody body = new ErrorBody(503, "the search index refused this service's credentials; an operator must update them");
        LOG.warnf("outcome=unavailable errorId=%s reason=elasticsearch-%s", body.id(), RefusalPolicy.cause(status, null));
        return json(body);
    }

    /** Elasticsearch answered with an error: which side it lies with decides the status. */
    @ServerExceptionMapper
    public Response elasticsearchError(ElasticsearchException e) {
        String type = e.error() == null ? null : e.error().type();
        if ("index_not_found_exception".equals(type)) {
            // the alias is gone (a fresh node, an alias swap gone wrong): not the caller's fault, and not lasting
            ErrorBody body = new ErrorBody(503, "the search index does not exist right now; try again shortly");
            LOG.warnf("outcome=unavailable errorId=%s reason=\"%s\"", body.id(), LogSafe.text(e.getMessage()));
            return json(body);
        }
        if (e.status() == 401 || e.status() == 403) {
            return credentialsRefused(e.status());
        }
        if (e.status() == 429 || e.status() >= 500) {
            ErrorBody body = new ErrorBody(503, "the search index is overloaded or failing right now; try again shortly");
            LOG.warnf("outcome=unavailable errorId=%s status=%d reason=\"%s\"", body.id(), e.status(), LogSafe.text(e.getMessage()));
            return json(body);
        }
        if (e.status() == 400) {
            LOG.infof("outcome=refused reason=\"%s\"", LogSafe.text(e.getMessage()));
            return json(Response.Status.BAD_REQUEST, "Elasticsearch cannot run this query: " + reason(e));
        }
        ErrorBody body = new ErrorBody(500, "the search failed; see the service log (error id below)");
        LOG.errorf(e, "outcome=failed errorId=%s status=%d", body.id(), e.status());
        return json(body);
    }

    private static String reason(ElasticsearchException e) {
        if (e.error() == null) {
            return e.getMessage();
        }
        if (!e.error().rootCause().isEmpty() && e.error().rootCause().get(0).reason() != null) {
            return e.error().rootCause().get(0).reason();
        }
        return e.error().reason();
    }

    private static Response json(Response.Status status, String message) {
        return json(new ErrorBody(status.getStatusCode(), message));
    }

    private static Response json(ErrorBody body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
