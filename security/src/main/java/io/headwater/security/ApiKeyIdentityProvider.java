package io.headwater.security;

import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.ApiKeyToken;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/** Checks a presented API key against the keys topic's view: known, its secret's hash equal, not revoked, not expired. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);
    /** Said to every refused caller alike: which of the reasons applied is for the log, not for a guesser. */
    static final String NOT_ACCEPTED = "the API key is not accepted: it is unknown, revoked or expired";

    private final ApiKeyDirectory directory;
    private final AccessSettings settings;
    private final KeyUseRecorder uses;

    public ApiKeyIdentityProvider(ApiKeyDirectory directory, AccessSettings settings, KeyUseRecorder uses) {
        this.directory = directory;
        this.settings = settings;
        this.uses = uses;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (settings.isServiceKey(request.getToken().getToken())) {
            return Uni.createFrom().item(Principals.service());
        }
        if (JwtIdentityProvider.looksLikeJwt(request.getToken().getToken())) {
            // Not a key: the JWT provider's to judge (it answers nothing either when JWTs are not configured).
            return Uni.createFrom().nullItem();
        }
        if (!directory.caughtUp()) {
            // Just started: wait (off the event loop) for the keys on the topic rather than refuse a valid one.
            return context.runBlocking(() -> {
                if (!directory.awaitCaughtUp()) {
                    throw new AuthenticationFailedException("the API keys could not be read from Kafka yet; retry");
                }
                return null;
            }).chain(ignored -> check(request));
        }
        return check(request);
    }

    private Uni<SecurityIdentity> check(TokenAuthenticationRequest request) {
        String presented = request.getToken().getToken();
        Optional<ApiKeyToken> token = ApiKeyToken.parse(presented);
        if (token.isEmpty()) {
            return refuse("a credential that is not an API key (hwk_<id>_<secret>)");
        }
        Optional<ApiKey> key = directory.find(token.get().id());
        if (key.isEmpty() || !token.get().matches(key.get())) {
            return refuse("key " + token.get().id() + ": unknown id or wrong secret");
        }
        if (!key.get().activeAt(Instant.now())) {
            return refuse("key " + token.get().id() + ": " + (key.get().revokedAt() != null ? "revoked at " + key.get().revokedAt()
                    : "expired at " + key.get().expiresAt()));
        }
        uses.used(key.get().id());
        return Uni.createFrom().item(Principals.of(key.get()));
    }

    private static Uni<SecurityIdentity> refuse(String why) {
        LOG.debugf("refused %s", why);
        return Uni.createFrom().failure(new AuthenticationFailedException(NOT_ACCEPTED));
    }
}
