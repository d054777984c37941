package io.headwater.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Open mode gives every caller every role, so it may only listen where no one else can reach it. */
@ApplicationScoped
public class OpenModeGuard {

    void check(@Observes StartupEvent event, AccessSettings settings) {
        if (settings.open() && !AccessSettings.loopback(settings.httpHost())) {
            throw new IllegalStateException("headwater.auth.mode=open lets anyone in with every role, so it only listens on loopback; "
                    + "quarkus.http.host is " + settings.httpHost() + ". Use headwater.auth.mode=keys (the default) on any other address.");
        }
    }
}
