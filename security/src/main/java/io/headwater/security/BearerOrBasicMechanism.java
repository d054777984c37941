package io.headwater.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Takes an API key from {@code Authorization: Bearer <key>} (the OpenLineage clients' {@code api_key} auth) or
 * as the password of {@code Authorization: Basic} (Confluent clients' {@code basic.auth.user.info}, and a
 * browser's login prompt for the web page). No header: anonymous, which endpoints that need a role refuse
 * with 401. In open mode every caller is the local user.
 */
@ApplicationScoped
public class BearerOrBasicMechanism implements HttpAuthenticationMechanism {

    /** The challenges, one per header (browsers read one per header): Bearer for API clients, Basic so that a browser asks for the key once. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"headwater\"";
    public static final String BASIC_CHALLENGE = "Basic realm=\"headwater\", charset=\"UTF-8\"";

    private final AccessSettings settings;

    public BearerOrBasicMechanism(AccessSettings settings) {
        this.settings = settings;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (settings.open()) {
            context.put(AuditRoute.PRINCIPAL, Principals.OPEN_MODE_USER);
            return Uni.createFrom().item(Principals.openModeUser());
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            context.put(AuditRoute.PRINCIPAL, "anonymous");
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String token;
        try {
            token = token(header.strip());
        } catch (IllegalArgumentException e) {
            context.put(AuditRoute.PRINCIPAL, "refused:" + header.strip().split(" ")[0]);
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "api-key")))
                .invoke(identity -> context.put(AuditRoute.PRINCIPAL, identity.getPrincipal().getName()))
                .onFailure().invoke(failure -> context.put(AuditRoute.PRINCIPAL, AuditRoute.refused(token)));
    }

    static String token(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return value;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            // The key is the password; the user name is free (a key id, "headwater", anything a client insists on).
            return colon < 0 ? decoded : decoded.substring(colon + 1);
        }
        throw new IllegalArgumentException("the Authorization scheme '" + scheme + "' is not accepted: send Bearer <API key>");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", BEARER_CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
