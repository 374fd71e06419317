package io.newsflow.ingest.api;

import io.newsflow.access.ErrorBody;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.process.IngestMetrics;
import io.newsflow.model.NewsJson;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * An upload's body must have arrived within {@code newsflow.ingest.upload-read-timeout} of its headers, or it is
 * answered 408 and its connection closed. Quarkus's own {@code quarkus.http.read-timeout} bounds each wait for
 * the next bytes only, so a client sending a few bytes a second would hold a connection, a worker thread and a
 * share of the memory budget for as long as it likes. This watches the body at the HTTP layer, before either
 * endpoint reads it (a multipart form is parsed before the resource method runs).
 */
@ApplicationScoped
public class UploadReadTimeout {
    private static final Logger LOG = Logger.getLogger(UploadReadTimeout.class);
    private static final String UPLOADS = "/api/pages";
    /** Set on a request that was cut off: what comes of its half-read body afterwards is not the server's failure. */
    static final String CUT_OFF = "newsflow.upload.cut-off";

    private final Duration timeout;
    private final IngestMetrics metrics;

    public UploadReadTimeout(IngestConfig config, IngestMetrics metrics) {
        this.timeout = config.uploadReadTimeout();
        this.metrics = metrics;
    }

    void register(@Observes Filters filters) {
        filters.register(this::watch, 100);
    }

    /**
     * Once the 408 is out, the endpoint's read of the body fails and whatever it then answers cannot be written:
     * that failure is the cut-off's, already logged, not a failure of the server to log as an error.
     */
    void absorbFailuresAfterACutOff(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (Boolean.TRUE.equals(context.get(CUT_OFF))) {
                LOG.debugf("upload cut off earlier: %s", context.failure());
                return;
            }
            context.next();
        });
    }

    /** Whether the request being handled was cut off for its slowness. */
    static boolean wasCutOff(CurrentVertxRequest request) {
        RoutingContext context = request == null ? null : request.getCurrent();
        return context != null && Boolean.TRUE.equals(context.get(CUT_OFF));
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() == HttpMethod.POST && UPLOADS.equals(request.path()) && !request.isEnded()) {
            long timer = context.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> cutOff(context));
            context.addEndHandler(done -> context.vertx().cancelTimer(timer));
        }
        context.next();
    }

    private void cutOff(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (request.isEnded() || response.ended()) {
            return; // the body arrived, or an answer went out without waiting for it (413, 401)
        }
        context.put(CUT_OFF, true);
        metrics.uploadRefused("408");
        ErrorBody body = new ErrorBody(408, "the page did not arrive within " + timeout
                + " (newsflow.ingest.upload-read-timeout): the body was sent too slowly; the connection is closed");
        LOG.warnf("upload outcome=refused reason=read-timeout errorId=%s bytesRead=%d timeout=%s", body.id(), request.bytesRead(), timeout);
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        String json;
        try {
            json = NewsJson.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error body is always JSON", e);
        }
        response.setStatusCode(408).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(json).onComplete(done -> request.connection().close());
    }
}
