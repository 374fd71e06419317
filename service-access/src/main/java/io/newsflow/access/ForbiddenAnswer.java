package io.newsflow.access;

import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * 403 as JSON where a path permission refuses an authenticated user outside REST (read protection on
 * {@code /q/metrics}); Quarkus's own answer is empty. REST endpoints answer through {@link AccessAnswers}.
 */
@ApplicationScoped
public class ForbiddenAnswer {
    static final String FORBIDDEN = "{\"status\":403,\"error\":\"this user does not have the role this needs\"}";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().ended()) {
                context.response().setStatusCode(403).putHeader("Content-Type", "application/json").end(FORBIDDEN);
            } else {
                context.next();
            }
        });
    }
}
