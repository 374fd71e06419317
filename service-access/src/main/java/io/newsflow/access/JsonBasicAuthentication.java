package io.newsflow.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Quarkus's HTTP Basic mechanism (it reads the credentials), whose 401 challenge also carries a JSON message like
 * every other error answer: Quarkus's own ends the answer empty where a path permission refuses an anonymous
 * request (read protection, {@code /q/metrics}). {@code quarkus.http.auth.basic=false} keeps Quarkus from adding its
 * own beside this one.
 */
@ApplicationScoped
public class JsonBasicAuthentication implements HttpAuthenticationMechanism {
    static final String UNAUTHENTICATED = "{\"status\":401,\"error\":\"authentication required: send the credentials "
            + "of a user with the role this needs (HTTP Basic)\"}";

    private final BasicAuthenticationMechanism basic;

    public JsonBasicAuthentication(@ConfigProperty(name = "quarkus.http.auth.realm") String realm) {
        this.basic = new BasicAuthenticationMechanism(realm, false);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return basic.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return basic.sendChallenge(context).invoke(() -> {
            if (!context.response().ended()) {
                context.response().putHeader("Content-Type", "application/json").end(UNAUTHENTICATED);
            }
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return basic.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return basic.getPriority();
    }
}
