package io.headwater.contract.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.contract.Problem;
import io.vertx.ext.web.Router;

/**
 * Answers an over-long URL with a 414 problem body, before any resource sees it. The services accept
 * request lines up to {@code quarkus.http.limits.max-initial-line-length} (64 KiB), so that URLs between
 * {@link #MAX_URL_CHARS} and that get this answer; beyond it Vert.x itself answers 414, without a body,
 * before any handler runs (Quarkus exposes no hook there).
 */
public final class UrlLengthGuard {

    public static final int MAX_URL_CHARS = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UrlLengthGuard() {
    }

    /** Installs the guard first on the router. */
    public static void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String uri = context.request().uri();
            if (uri.length() <= MAX_URL_CHARS) {
                context.next();
                return;
            }
            Problem problem = Problem.of("uri-too-long", "URI too long", 414, "the URL is " + uri.length() + " characters, more than "
                    + MAX_URL_CHARS + "; send long values (node ids, lists) in fewer or shorter parameters", context.request().path(), null);
            try {
                context.response().setStatusCode(414).putHeader("Content-Type", Problem.MEDIA_TYPE).end(JSON.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.response().setStatusCode(414).end();
            }
        });
    }
}
