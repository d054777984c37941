package io.headwater.kafka.connection;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Gives a Kafka Streams service's engine the same connection settings as every other Headwater client:
 * each {@code kafka.<client property>} (or {@code KAFKA_...}, or {@code ..._FILE}) becomes
 * {@code kafka-streams.<client property>}, which Quarkus passes to Kafka Streams, unless the service sets
 * that {@code kafka-streams.*} key itself. So one Secret configures ingest, the registry and the Streams
 * services alike. Registered by each Streams service (META-INF/services/io.smallrye.config.ConfigSourceFactory).
 */
public class KafkaStreamsConnection implements ConfigSourceFactory {

    static final String STREAMS_PREFIX = "kafka-streams.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = context.iterateNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Map<String, String> streams = KafkaSettings.collect(names, name -> {
            ConfigValue value = context.getValue(name);
            return java.util.Optional.ofNullable(value == null ? null : value.getValue());
        });
        // Kafka Streams takes the bootstrap servers from quarkus.kafka-streams.bootstrap-servers.
        streams.remove("bootstrap.servers");
        Map<String, String> properties = new TreeMap<>();
        streams.forEach((property, value) -> properties.put(STREAMS_PREFIX + property, value));
        return List.of(new PropertiesConfigSource(properties, "headwater-kafka-connection", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }
}
