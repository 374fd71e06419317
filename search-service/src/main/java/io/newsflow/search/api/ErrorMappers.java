package io.newsflow.search.api;

import io.newsflow.search.query.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/** Maps failures to JSON answers: the caller's mistakes to 400, an unavailable index to 503. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return json(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper(IOException.class)
    public Response indexUnavailable(Exception e) {
        LOG.warnf("outcome=unavailable reason=\"%s\"", e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE, "the search index is not reachable right now; try again shortly");
    }

    private static Response json(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), message)).build();
    }
}
