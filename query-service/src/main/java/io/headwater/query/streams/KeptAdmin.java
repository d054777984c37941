package io.headwater.query.streams;

import io.headwater.kafka.connection.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;

/**
 * One admin client for a bean's life, made on first use, with 5 s bounds on every call: a new client per question
 * would pay a connection and a metadata fetch each time. Its owner closes it when the bean is destroyed.
 */
public final class KeptAdmin implements AutoCloseable {

    private final KafkaConnection kafka;
    private final String clientId;
    private Admin admin;

    public KeptAdmin(KafkaConnection kafka, String clientId) {
        this.kafka = kafka;
        this.clientId = clientId;
    }

    public synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(kafka.with(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.CLIENT_ID_CONFIG, clientId)));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
