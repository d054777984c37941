package io.headwater.query.health;

import io.headwater.query.alerts.WebhookDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The background workers' health: the webhook poller must be alive (a dead one would leave alerts
 * undelivered with no one noticing); its last poll, last failure and each subscription's backlog are
 * shown. Kafka Streams' own threads are in the extension's liveness check.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    private final WebhookDispatcher webhooks;

    public WorkersLiveness(WebhookDispatcher webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public HealthCheckResponse call() {
        WebhookDispatcher.State state = webhooks.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("webhook-delivery").status(state.healthy())
                .withData("poller", state.alive() ? "polled " + state.secondsSinceLastPoll() + " s ago" : "thread dead");
        if (state.lastFailure() != null) {
            response.withData("lastFailure", state.lastFailure());
        }
        state.backlog().forEach((subscription, waiting) -> response.withData("backlog." + subscription, waiting));
        return response.build();
    }
}
