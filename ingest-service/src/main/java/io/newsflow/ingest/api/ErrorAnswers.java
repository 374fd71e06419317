package io.newsflow.ingest.api;

import io.newsflow.access.ErrorBody;
import io.newsflow.logging.LogSafe;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.multipart.MultipartPartReadingException;


/**
 * Error answers of the HTTP API as JSON {@code {"status":…, "error":…}}: a clear message for what the client got
 * wrong (400, 413, 415), never a stack trace or a path of the server.
 */
public class ErrorAnswers {
    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    @Inject
    CurrentVertxRequest request;

    static Response json(int status, String message) {
        return json(new ErrorBody(status, message));
    }

    static Response json(ErrorBody body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** A failure of the server's own: the caller gets a message and an id, the log the cause under the same id. */
    private static Response failed(Exception e) {
        ErrorBody body = new ErrorBody(500, "the request could not be handled; the service log has the cause under this error's id");
        LOG.errorf("outcome=failed errorId=%s cause=\"%s\"", body.id(), LogSafe.text(e.toString()));
        return json(body);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return json(415, "Content-Type must be text/plain, application/octet-stream or multipart/form-data with a boundary");
    }

    /** The framework parses the Content-Type before any resource sees the request; an unparsable one lands here. */
    @ServerExceptionMapper
    public Response unparsableHeader(IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to parse media type")) {
            return json(415, "the Content-Type header cannot be parsed; send text/plain, application/octet-stream "
                    + "or multipart/form-data with a boundary");
        }
        return failed(e);
    }

    /**
     * A multipart body whose parts never match the boundary of its Content-Type reads to its end without a closing
     * boundary, which the parser reports as an I/O error. An upload cut off for its slowness ({@link UploadReadTimeout})
     * fails its read the same way, after its 408 went out. Other I/O errors are the server's own (its disk).
     */
    @ServerExceptionMapper
    public Response inputOutput(java.io.IOException e) {
        if (UploadReadTimeout.wasCutOff(request)) {
            return json(408, "the page did not arrive in time");
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Connection terminated parsing multipart")) {
            return json(400, "the multipart body is malformed: it has no part within the boundary of its Content-Type");
        }
        return failed(e);
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return json(400, "the multipart body is malformed: its parts must be separated by the boundary of the Content-Type");
    }

    @ServerExceptionMapper
    public Response unreadablePart(MultipartPartReadingException e) {
        return json(400, "a part of the multipart body cannot be read");
    }

    @ServerExceptionMapper
    public Response partTooLarge(MultiPartParserDefinition.FileTooLargeException e) {
        return json(413, "a part of the multipart body is larger than the server accepts");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, "no such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(json(405, "method not allowed here")).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return json(406, "answers are application/json");
    }

    /** Other client errors the framework raises (a malformed body, header or form): their status, a plain message. */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("request failed: %s", e.toString());
            return json(status, "the request could not be handled");
        }
        return json(status, "the request is malformed: " + e.getResponse().getStatusInfo().getReasonPhrase());
    }
}
