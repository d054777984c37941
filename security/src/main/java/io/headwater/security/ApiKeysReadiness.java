package io.headwater.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the keys on the topic are read, and not again if their reader dies. */
@Readiness
@ApplicationScoped
public class ApiKeysReadiness implements HealthCheck {

    private final ApiKeyDirectory directory;

    public ApiKeysReadiness(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = directory.problem();
        return problem == null ? HealthCheckResponse.up("api-keys")
                : HealthCheckResponse.named("api-keys").down().withData("problem", problem).build();
    }
}
