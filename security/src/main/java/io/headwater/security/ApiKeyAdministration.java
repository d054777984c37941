package io.headwater.security;

import io.headwater.contract.Topics;
import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.ApiKeyToken;
import io.headwater.kafka.connection.KafkaConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Makes and revokes API keys by writing their records to the keys topic (acknowledged before the answer). */
@ApplicationScoped
public class ApiKeyAdministration {

    private final ApiKeyDirectory directory;
    private final Config config;
    private volatile KafkaProducer<String, String> producer;

    public ApiKeyAdministration(ApiKeyDirectory directory, Config config) {
        this.directory = directory;
        this.config = config;
    }

    public ApiKeyToken.Issued create(List<String> roles, List<String> namespaces, String description, Instant expiresAt, String createdBy) {
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        ApiKeyToken.Issued issued = ApiKeyToken.issue(roles == null ? List.of() : roles, namespaces == null ? List.of() : namespaces, description,
                createdBy, expiresAt);
        write(issued.key());
        return issued;
    }

    /** The key after revocation, or empty when no key has that id. A revoked key keeps its record for the audit. */
    public Optional<ApiKey> revoke(String id) {
        Optional<ApiKey> key = directory.find(id);
        key.ifPresent(k -> write(k.revokedAt() != null ? k : k.revoked(Instant.now())));
        return key.map(k -> k.revokedAt() != null ? k : k.revoked(Instant.now()));
    }

    public List<ApiKey> list() {
        return directory.all().stream().sorted(java.util.Comparator.comparing(ApiKey::createdAt, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder()))).toList();
    }

    private void write(ApiKey key) {
        try {
            producer().send(new ProducerRecord<>(Topics.API_KEYS.name(), key.id(), key.toJson())).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing key " + key.id(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge key " + key.id() + ": " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaConnection.from(config).with(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.CLIENT_ID_CONFIG, "headwater-api-key-admin")),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
