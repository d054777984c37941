package io.headwater.query.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.DriftAlert;
import io.headwater.query.api.WebhookSubscription;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** This instance's replica of the alerts and webhook subscriptions (global stores: every instance has them all). */
@ApplicationScoped
public class AlertStore {

    private final StoreAccess stores;
    private final ObjectMapper json;

    public AlertStore(StoreAccess stores, ObjectMapper json) {
        this.stores = stores;
        this.json = json;
    }

    public List<DriftAlert> alerts() {
        List<DriftAlert> all = new ArrayList<>();
        try (KeyValueIterator<String, DriftAlert> it = stores.<DriftAlert>keyValue(TopologyProducer.ALERTS_STORE).all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }

    public List<WebhookSubscription> webhooks() {
        List<WebhookSubscription> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = stores.<String>keyValue(TopologyProducer.WEBHOOKS_STORE).all()) {
            it.forEachRemaining(kv -> all.add(read(kv.value)));
        }
        return all;
    }

    public Optional<WebhookSubscription> webhook(String id) {
        return Optional.ofNullable(stores.<String>keyValue(TopologyProducer.WEBHOOKS_STORE).get(id)).map(this::read);
    }

    private WebhookSubscription read(String value) {
        try {
            return json.readValue(value, WebhookSubscription.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable webhook subscription: " + e.getOriginalMessage(), e);
        }
    }
}
