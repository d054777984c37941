package io.headwater.kafka.topics;

import io.headwater.contract.RecordSizes;
import io.headwater.contract.Topic;

/**
 * What a topic must be: compacted or kept forever, taking records up to the platform's record size, and,
 * where a deployment decides them, its partitions and replication factor (null: whatever it is).
 */
public record TopicSpec(String name, boolean compacted, Integer partitions, Short replicationFactor, int maxMessageBytes) {

    /** What every service needs of a contract topic, whatever the deployment sized it to. */
    public static TopicSpec of(Topic<?> topic) {
        return new TopicSpec(topic.name(), topic.compacted(), null, null, RecordSizes.MAX_RECORD_BYTES);
    }

    public TopicSpec sized(int partitions, short replicationFactor) {
        return new TopicSpec(name, compacted, partitions, replicationFactor, maxMessageBytes);
    }
}
