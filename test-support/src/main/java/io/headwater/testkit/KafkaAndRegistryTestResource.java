package io.headwater.testkit;

import io.headwater.devstack.EmbeddedKafka;
import io.headwater.devstack.ServiceJars;
import io.headwater.devstack.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * For a service's {@code @QuarkusTest}: a real KRaft broker with Headwater's topics plus the
 * schema registry running from its packaged jar, with the application pointed at both.
 */
public class KafkaAndRegistryTestResource implements QuarkusTestResourceLifecycleManager {

    private final EmbeddedKafkaTestResource kafka = new EmbeddedKafkaTestResource();
    private ServiceProcess registry;

    @Override
    public Map<String, String> start() {
        Map<String, String> kafkaConfig = kafka.start();
        String bootstrap = kafkaConfig.get("kafka.bootstrap.servers");
        int port = EmbeddedKafka.freePort();
        registry = ServiceProcess.start("schema-registry", ServiceJars.of(ServiceJars.SCHEMA_REGISTRY), port,
                // Open mode, as the @QuarkusTests it serves run (access control is tested against the packaged services).
                Map.of("kafka.bootstrap.servers", bootstrap, "headwater.auth.mode", "open"), kafka.dataDir().resolve("schema-registry.log"),
                List.of("-Xmx256m"), Duration.ofSeconds(60));
        return Map.of("kafka.bootstrap.servers", bootstrap, "headwater.schema-registry.url", registry.url());
    }

    @Override
    public void stop() {
        if (registry != null) {
            registry.close();
        }
        kafka.stop();
    }
}
