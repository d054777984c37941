package io.headwater.kafka.topics;

import io.headwater.contract.RecordSizes;
import io.headwater.contract.Topic;
import io.headwater.contract.retention.RetentionPolicy;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a topic must be: compacted or not, taking records up to the platform's record size, and, where a
 * deployment decides them, its partitions, replication factor and retention (null: whatever it is).
 *
 * @param expires     whether records also leave by age (delete, or compact,delete for a compacted topic)
 * @param retentionMs Kafka's retention.ms for it (-1: kept for good); null when the deployment's policy is not known here
 */
public record TopicSpec(String name, boolean compacted, boolean expires, Integer partitions, Short replicationFactor, int maxMessageBytes,
                        Long retentionMs) {

    /** What every service needs of a contract topic, whatever the deployment sized it to and however long it keeps it. */
    public static TopicSpec of(Topic<?> topic) {
        return new TopicSpec(topic.name(), topic.compacted(), topic.expires(), null, null, RecordSizes.MAX_RECORD_BYTES, null);
    }

    public TopicSpec sized(int partitions, short replicationFactor) {
        return new TopicSpec(name, compacted, expires, partitions, replicationFactor, maxMessageBytes, retentionMs);
    }

    /** This topic kept as the policy says for its class; a compacted topic that does not expire keeps its facts for good. */
    public TopicSpec retained(Topic<?> topic, RetentionPolicy policy) {
        return new TopicSpec(name, compacted, expires, partitions, replicationFactor, maxMessageBytes, expires ? policy.retentionMs(topic.retention()) : -1L);
    }

    /** Kafka's cleanup.policy for it. */
    public String cleanupPolicy() {
        if (!compacted) {
            return TopicConfig.CLEANUP_POLICY_DELETE;
        }
        return expires ? TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE : TopicConfig.CLEANUP_POLICY_COMPACT;
    }
}
