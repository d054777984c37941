package io.headwater.schemaregistry.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema log has been read to its end and is still being followed. */
@Readiness
@ApplicationScoped
public class SchemaLogReadiness implements HealthCheck {

    private final KafkaSchemaLog log;

    public SchemaLogReadiness(KafkaSchemaLog log) {
        this.log = log;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema-log").status(log.isCaughtUp()).build();
    }
}
