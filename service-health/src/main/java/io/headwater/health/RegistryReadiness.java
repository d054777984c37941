package io.headwater.health;

import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.registry.SchemaRegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while the schema registry answers: without it no event can be encoded (ingest) and no record
 * with a schema not seen yet decoded (the Streams services), so a load balancer should send clients
 * elsewhere (ingest's requests meanwhile get 503 + Retry-After). The answer is cached
 * briefly, so health stays fast however often it is asked and the registry is not flooded.
 */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements HealthCheck {

    private static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    private final SchemaRegistryClient registry;
    private final String url;
    private volatile long checkedAt = Long.MIN_VALUE;
    private volatile String failure = "not checked yet";

    public RegistryReadiness(@ConfigProperty(name = "headwater.schema-registry.url") String url, org.eclipse.microprofile.config.Config config) {
        // Its own client with a short timeout: a hanging registry must not make health hang.
        this.registry = SchemaRegistryClient.from(config, Duration.ofSeconds(2));
        this.url = url;
    }

    @Override
    public HealthCheckResponse call() {
        long now = System.nanoTime();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt > CACHE_NANOS) {
            synchronized (this) {
                if (checkedAt == Long.MIN_VALUE || System.nanoTime() - checkedAt > CACHE_NANOS) {
                    try {
                        registry.ping();
                        failure = null;
                    } catch (SchemaRegistryException e) {
                        failure = e.getMessage();
                    }
                    checkedAt = System.nanoTime();
                }
            }
        }
        String problem = failure;
        return HealthCheckResponse.named("schema-registry").status(problem == null).withData("url", redacted(url))
                .withData("state", problem == null ? "answering" : redacted(problem)).build();
    }

    /** Registry URLs may carry credentials (https://user:secret@host); health shows only where. */
    static String redacted(String urls) {
        return urls.replaceAll("//[^/@,]*@", "//***@");
    }
}
