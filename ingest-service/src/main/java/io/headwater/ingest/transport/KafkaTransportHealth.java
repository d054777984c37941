package io.headwater.ingest.transport;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live only while every Kafka-transport reader is: its thread alive and polling. A reader that died
 * or hangs turns liveness DOWN, so the supervisor restarts the process instead of a topic going
 * silently unread.
 */
@Liveness
@ApplicationScoped
public class KafkaTransportHealth implements HealthCheck {

    private final KafkaTransport transport;

    public KafkaTransportHealth(KafkaTransport transport) {
        this.transport = transport;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-transport-readers").up();
        for (KafkaTransport.WorkerState worker : transport.workers()) {
            if (!worker.healthy()) {
                response.down();
            }
            response.withData(worker.topic(), (worker.alive() ? "polled " + worker.secondsSinceLastPoll() + " s ago" : "thread dead")
                    + (worker.consecutiveFailures() > 0 ? ", " + worker.consecutiveFailures() + " failures in a row: " + worker.lastFailure() : ""));
        }
        return response.build();
    }
}
