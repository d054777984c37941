package io.headwater.security;

import io.headwater.contract.access.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OIDC/JWT bearer tokens from the organisation's identity provider, next to API keys, with no database:
 * verified (signature, issuer, expiry, audience) against {@code headwater.auth.jwt.public-key-location}, a PEM
 * or JWK file or a JWKS URL. Roles come from {@code headwater.auth.jwt.roles-claim} (default {@code groups}):
 * a value that is a Headwater role counts as that role, and {@code headwater.auth.jwt.role-map}
 * ({@code idp-group:role,...}) maps the identity provider's own group names. The principal is
 * {@code jwt:<preferred_username or sub>}. Off unless a key location is set.
 */
@ApplicationScoped
public class JwtIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(JwtIdentityProvider.class);

    private final Optional<DefaultJWTParser> parser;
    private final String rolesClaim;
    private final Map<String, List<String>> roleMap = new HashMap<>();

    public JwtIdentityProvider(@ConfigProperty(name = "headwater.auth.jwt.public-key-location") Optional<String> keyLocation,
                               @ConfigProperty(name = "headwater.auth.jwt.issuer") Optional<String> issuer,
                               @ConfigProperty(name = "headwater.auth.jwt.audience") Optional<String> audience,
                               @ConfigProperty(name = "headwater.auth.jwt.roles-claim", defaultValue = "groups") String rolesClaim,
                               @ConfigProperty(name = "headwater.auth.jwt.role-map") Optional<List<String>> roleMap) {
        this.rolesClaim = rolesClaim;
        if (keyLocation.filter(s -> !s.isBlank()).isEmpty()) {
            parser = Optional.empty();
            return;
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo(keyLocation.get(), issuer.orElseThrow(() ->
                new IllegalArgumentException("headwater.auth.jwt.issuer is required with headwater.auth.jwt.public-key-location")));
        audience.filter(s -> !s.isBlank()).ifPresent(a -> context.setExpectedAudience(Set.of(a.split(","))));
        parser = Optional.of(new DefaultJWTParser(context));
        for (String entry : roleMap.orElse(List.of())) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("headwater.auth.jwt.role-map entries are idp-group:role, not '" + entry + "'");
            }
            roleMap(parts[0].strip(), parts[1].strip());
        }
        LOG.infof("JWT bearer tokens accepted from issuer %s (keys at %s)", issuer.get(), keyLocation.get());
    }

    private void roleMap(String group, String role) {
        if (!Roles.ASSIGNABLE.contains(role)) {
            throw new IllegalArgumentException("headwater.auth.jwt.role-map: '" + role + "' is not one of " + Roles.ASSIGNABLE);
        }
        this.roleMap.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(role);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** A JWT is three base64url parts; anything else is some other provider's (an API key). */
    static boolean looksLikeJwt(String token) {
        return token != null && token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("eyJ");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (parser.isEmpty() || !looksLikeJwt(token)) {
            return Uni.createFrom().nullItem();
        }
        // Fetching a JWKS may block: off the event loop.
        return context.runBlocking(() -> identity(token));
    }

    SecurityIdentity identity(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.get().parse(token);
        } catch (ParseException e) {
            LOG.debugf("a JWT was refused: %s", e.getMessage());
            throw new AuthenticationFailedException(ApiKeyIdentityProvider.NOT_ACCEPTED);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String group : groups(jwt)) {
            if (Roles.ASSIGNABLE.contains(group)) {
                roles.add(group);
            }
            roles.addAll(roleMap.getOrDefault(group, List.of()));
        }
        String name = Optional.ofNullable(jwt.<String>getClaim("preferred_username")).orElse(jwt.getSubject());
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("jwt:" + name)).addRoles(roles)
                .addAttribute(Principals.NAMESPACES, List.of()).build();
    }

    private Set<String> groups(JsonWebToken jwt) {
        if (rolesClaim.equals("groups")) {
            return jwt.getGroups();
        }
        Object claim = jwt.getClaim(rolesClaim);
        if (claim instanceof jakarta.json.JsonArray array) {
            Set<String> values = new LinkedHashSet<>();
            array.forEach(v -> values.add(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
            return values;
        }
        return claim == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(claim.toString().split("[ ,]+")));
    }
}
