package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsflow.search.query.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    @ServerExceptionMapper(IOException.class)
    public Response indexUnavailable(Exception e) {
        LOG.warnf("outcome=unavailable reason=\"%s\"", e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE, "the search index is not reachable right now; try again shortly");
    }

    /** Elasticsearch answered with an error: which side it lies with decides the status. */
    @ServerExceptionMapper
    public Response elasticsearchError(ElasticsearchException e) {
        String type = e.error() == null ? null : e.error().type();
        if ("index_not_found_exception".equals(type)) {
            // the alias is gone (a fresh node, an alias swap gone wrong): not the caller's fault, and not lasting
            LOG.warnf("outcome=unavailable reason=\"%s\"", e.getMessage());
            return json(Response.Status.SERVICE_UNAVAILABLE, "the search index does not exist right now; try again shortly");
        }
        if (e.status() == 429 || e.status() >= 500) {
            LOG.warnf("outcome=unavailable status=%d reason=\"%s\"", e.status(), e.getMessage());
            return json(Response.Status.SERVICE_UNAVAILABLE, "the search index is overloaded or failing right now; try again shortly");
        }
        if (e.status() == 400) {
            LOG.infof("outcome=refused reason=\"%s\"", e.getMessage());
            return json(Response.Status.BAD_REQUEST, "Elasticsearch cannot run this query: " + reason(e));
        }
        LOG.errorf(e, "outcome=failed status=%d", e.status());
        return json(Response.Status.INTERNAL_SERVER_ERROR, "the search failed; see the service log");
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
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), message)).build();
    }
}
