package io.headwater.ingest.rest;

import io.headwater.contract.http.UrlLengthGuard;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Over-long URLs get a 414 problem body (see {@link UrlLengthGuard}). */
@ApplicationScoped
public class UrlLimit {

    void install(@Observes Router router) {
        UrlLengthGuard.install(router);
    }
}
