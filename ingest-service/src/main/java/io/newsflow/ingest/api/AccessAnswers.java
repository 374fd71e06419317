package io.newsflow.ingest.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused access as JSON like every other error answer: 401 with the Basic challenge when no valid credential came,
 * 403 when the user lacks the role. Never which user or which password was tried.
 */
public class AccessAnswers {
    private final String realm;

    public AccessAnswers(@ConfigProperty(name = "quarkus.http.auth.realm") String realm) {
        this.realm = realm;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(ErrorAnswers.json(401, "authentication required: send the credentials of a user "
                        + "with the role this needs (HTTP Basic)"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorAnswers.json(403, "this user does not have the role this needs");
    }
}
