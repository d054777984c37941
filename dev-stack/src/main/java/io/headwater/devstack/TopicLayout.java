package io.headwater.devstack;

import io.headwater.contract.RecordSizes;
import io.headwater.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The topics Headwater needs, with their partition counts and cleanup policies. The schema
 * topic has one partition so that every registry instance reads schemas in the same order.
 */
public record TopicLayout(int partitions, short replicationFactor) {

    /**
     * Two partitions on the one-node dev stack: on a 2-core machine, lineage-streams' graph lag at 1,000
     * events/s was p99 0.66 s with 2 and 2.3 s with 6 (more tasks, each committing its stores). A
     * deployment sizes its partitions to the instances it runs (HEADWATER_KAFKA_PARTITIONS here).
     */
    public static TopicLayout defaults() {
        return new TopicLayout(2, (short) 1);
    }

    /** What each topic must be under this layout, for an audit (io.headwater.kafka.topics.TopicAudit). */
    public List<io.headwater.kafka.topics.TopicSpec> specs() {
        return Topics.ALL.stream().map(topic -> io.headwater.kafka.topics.TopicSpec.of(topic)
                .sized(Topics.SCHEMAS.name().equals(topic.name()) ? 1 : partitions, replicationFactor)).toList();
    }

    /** The topics to create: each spec, kept forever unless compacted, taking the platform's record size. */
    public List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (io.headwater.kafka.topics.TopicSpec spec : specs()) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor());
            // Every topic takes the records every producer may send (RecordSizes: sizes agree end to end).
            String maxBytes = String.valueOf(spec.maxMessageBytes());
            topic.configs(spec.compacted()
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes)
                    : Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes));
            topics.add(topic);
        }
        return topics;
    }

    /** Creates the topics missing on the cluster; existing ones are left as they are. */
    public void createMissing(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            // Topics made by an older version keep their data, and get today's record size.
            Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>> sizes = new java.util.HashMap<>();
            for (NewTopic topic : topics()) {
                if (existing.contains(topic.name())) {
                    sizes.put(new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic.name()),
                            List.of(new org.apache.kafka.clients.admin.AlterConfigOp(new org.apache.kafka.clients.admin.ConfigEntry(
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(RecordSizes.MAX_RECORD_BYTES)),
                                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)));
                }
            }
            if (!sizes.isEmpty()) {
                admin.incrementalAlterConfigs(sizes).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create Headwater's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
