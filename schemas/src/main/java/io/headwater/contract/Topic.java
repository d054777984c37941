package io.headwater.contract;

import io.headwater.contract.retention.RetentionClass;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the contract: its name, whether it is compacted, and what its keys and values are, so a
 * producer or a topology gets the right serdes from the topic itself (values through
 * {@code io.headwater.kafka.serde.TopicSerdes}, which knows the registry). Keys are strings everywhere.
 *
 * @param <V> the value type: a generated Avro class, or String for JSON topics, or byte[] for raw ones
 */
public final class Topic<V> {

    /** How values are written. */
    public enum Format {
        /** Avro in the registry's wire format. */
        AVRO,
        /** JSON text, as external producers write it. */
        JSON,
        /** Bytes as they came (the dead-letter topic keeps what could not be read). */
        BYTES
    }

    private final String name;
    private final Format format;
    private final Class<V> valueType;
    private final boolean compacted;
    private final RetentionClass retention;

    private Topic(String name, Format format, Class<V> valueType, boolean compacted, RetentionClass retention) {
        this.name = name;
        this.format = format;
        this.valueType = valueType;
        this.compacted = compacted;
        this.retention = retention;
    }

    static <V extends SpecificRecord> Topic<V> avro(String name, Class<V> valueType, boolean compacted, RetentionClass retention) {
        return new Topic<>(name, Format.AVRO, valueType, compacted, retention);
    }

    static Topic<String> json(String name, boolean compacted, RetentionClass retention) {
        return new Topic<>(name, Format.JSON, String.class, compacted, retention);
    }

    static Topic<byte[]> bytes(String name, RetentionClass retention) {
        return new Topic<>(name, Format.BYTES, byte[].class, false, retention);
    }

    public String name() {
        return name;
    }

    public Format format() {
        return format;
    }

    public Class<V> valueType() {
        return valueType;
    }

    /** Facts keyed by id: compacted, so a replay rebuilds state. */
    public boolean compacted() {
        return compacted;
    }

    /** How long its records must be kept. */
    public RetentionClass retention() {
        return retention;
    }

    /**
     * Whether records also leave by age: every topic of decisions and monitoring does (compacted ones
     * too, compact,delete), so an expired or erased decision leaves the log; other compacted facts stay.
     */
    public boolean expires() {
        return !compacted || retention == RetentionClass.DECISIONS;
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    @Override
    public String toString() {
        return name;
    }
}
