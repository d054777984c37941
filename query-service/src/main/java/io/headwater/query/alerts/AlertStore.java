package io.headwater.query.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.DriftAlert;
import io.headwater.query.model.WebhookSubscription;
import io.headwater.query.streams.GraphStore.GraphNotReadyException;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** This instance's replica of the alerts and webhook subscriptions (global stores: every instance has them all). */
@ApplicationScoped
public class AlertStore {

    private final KafkaStreams streams;
    private final ObjectMapper json;

    public AlertStore(KafkaStreams streams, ObjectMapper json) {
        this.streams = streams;
        this.json = json;
    }

    public List<DriftAlert> alerts() {
        List<DriftAlert> all = new ArrayList<>();
        try (KeyValueIterator<String, DriftAlert> it = this.<DriftAlert>store(TopologyProducer.ALERTS_STORE).all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }

    public List<WebhookSubscription> webhooks() {
        List<WebhookSubscription> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = this.<String>store(TopologyProducer.WEBHOOKS_STORE).all()) {
            it.forEachRemaining(kv -> all.add(read(kv.value)));
        }
        return all;
    }

    public Optional<WebhookSubscription> webhook(String id) {
        return Optional.ofNullable(this.<String>store(TopologyProducer.WEBHOOKS_STORE).get(id)).map(this::read);
    }

    private WebhookSubscription read(String value) {
        try {
            return json.readValue(value, WebhookSubscription.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable webhook subscription: " + e.getOriginalMessage(), e);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new GraphNotReadyException(e);
        }
    }
}
