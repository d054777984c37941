package io.headwater.security;

import io.headwater.contract.access.ApiKeyToken;
import io.headwater.contract.access.AuditEntry;
import io.headwater.contract.access.SecretNames;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Audits every request but the probes: a route ahead of all others notes when it began, and when the answer
 * has gone, records who asked (as the authentication mechanism found them), what, and what came of it.
 */
@ApplicationScoped
public class AuditRoute {

    /** Where the mechanism leaves the principal it found for this request. */
    static final String PRINCIPAL = "headwater.audit.principal";
    /** Query parameters that name a secret in a URL, beyond what names one anywhere ({@link SecretNames}). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(sig|signature|x-amz-signature|x-goog-signature|sas|pwd|auth)");

    private final AuditTrail trail;

    public AuditRoute(AuditTrail trail) {
        this.trail = trail;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::around);
    }

    private void around(RoutingContext context) {
        String path = context.normalizedPath();
        if (!trail.enabled() || path.startsWith("/q/health")) {
            context.next();
            return;
        }
        long began = System.nanoTime();
        Instant time = Instant.now();
        context.addEndHandler(done -> trail.record(entry(context, path, time, began)));
        context.next();
    }

    private AuditEntry entry(RoutingContext context, String path, Instant time, long began) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : context.queryParams().names()) {
            query.put(name, SecretNames.namesSecret(name) || SECRET_PARAMETER.matcher(name).matches() ? List.of("***") : context.queryParams().getAll(name));
        }
        return new AuditEntry(time, trail.service(), principal(context), context.request().method().name(), path, query,
                context.response().getStatusCode(), context.response().bytesWritten(), (System.nanoTime() - began) / 1e6,
                context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress());
    }

    private static String principal(RoutingContext context) {
        String found = context.get(PRINCIPAL);
        if (found != null) {
            return found;
        }
        String authorization = context.request().getHeader("Authorization");
        return authorization == null || authorization.isBlank() ? "anonymous" : "unverified";
    }

    /** How a refused credential is named: by its public key id when it has the form of a key, else not at all. */
    static String refused(String token) {
        return "refused:" + ApiKeyToken.parse(token).map(ApiKeyToken::id).orElse("not-a-key");
    }
}
