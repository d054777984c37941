package io.headwater.kafka.streams;

import io.headwater.contract.Topic;
import io.headwater.contract.Topics;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Supplies {@code quarkus.kafka-streams.topics} (the topics a Kafka Streams service waits for before it
 * starts) from the contract, so no properties file copies the topic names. Its ordinal is below
 * application.properties', so a deployment can still set the key there or by environment.
 */
public abstract class RequiredTopicsConfigSource implements ConfigSource {

    public static final String KEY = "quarkus.kafka-streams.topics";

    private final Map<String, String> properties;
    private final java.util.List<Topic<?>> topics;

    protected RequiredTopicsConfigSource(Topic<?>... topics) {
        this.properties = Map.of(KEY, Topics.names(topics));
        this.topics = java.util.List.of(topics);
    }

    public java.util.List<Topic<?>> topics() {
        return topics;
    }

    /**
     * Stops the service's start when a topic it reads or writes, the dead-letter topic included (its error
     * handlers write there), is missing or misconfigured ({@link io.headwater.kafka.topics.RequiredTopicsCheck}).
     */
    public void verifyAtStart(String service, io.headwater.kafka.connection.KafkaConnection kafka) {
        java.util.List<Topic<?>> needed = new java.util.ArrayList<>(topics);
        needed.add(Topics.DEAD_LETTER);
        io.headwater.kafka.topics.RequiredTopicsCheck.verify(service, kafka, needed, java.time.Duration.ofSeconds(10));
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    @Override
    public String getName() {
        return "headwater-required-topics";
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }
}
