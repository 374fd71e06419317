package io.newsflow.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused access to a REST endpoint as JSON like every other error answer: 401 with the Basic challenge when no valid
 * credential came, 403 when the user lacks the role. Never which user or which password was tried.
 */
public class AccessAnswers {
    private final String realm;

    public AccessAnswers(@ConfigProperty(name = "quarkus.http.auth.realm") String realm) {
        this.realm = realm;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "basic realm=\"" + realm + "\"") // as Quarkus's Basic mechanism
                .entity(JsonBasicAuthentication.UNAUTHENTICATED).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(ForbiddenAnswer.FORBIDDEN).build();
    }
}
