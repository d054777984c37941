package io.headwater.devstack;

import io.headwater.contract.Topics;
import io.headwater.contract.retention.RetentionPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The topics Headwater needs, with their partition counts, cleanup policies and retention. The schema
 * topic has one partition so that every registry instance reads schemas in the same order. Retention
 * follows each topic's class ({@link RetentionPolicy}: {@code HEADWATER_RETENTION_DECISIONS} and so on).
 */
public record TopicLayout(int partitions, short replicationFactor, RetentionPolicy retention) {

    /**
     * How soon an erased decision leaves the log of a compacted topic: a segment rolls and is compacted
     * at most this long after the tombstone, and the tombstone itself goes this long after that.
     */
    static final String ERASURE_LAG_MS = String.valueOf(java.time.Duration.ofDays(1).toMillis());

    /** The retention the dev stack's settings give (the environment, else each class's default). */
    public TopicLayout(int partitions, short replicationFactor) {
        this(partitions, replicationFactor, RetentionPolicy.from(name -> java.util.Optional.ofNullable(StackSettings.setting(name, null))));
    }

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
                .sized(Topics.SCHEMAS.name().equals(topic.name()) ? 1 : partitions, replicationFactor).retained(topic, retention)).toList();
    }

    /** The topics to create: each spec with its cleanup policy and retention, taking the platform's record size. */
    public List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (io.headwater.kafka.topics.TopicSpec spec : specs()) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(configs(spec)));
        }
        return topics;
    }

    /** A topic's configuration under this layout. */
    static Map<String, String> configs(io.headwater.kafka.topics.TopicSpec spec) {
        Map<String, String> configs = new java.util.TreeMap<>();
        // Every topic takes the records every producer may send (RecordSizes: sizes agree end to end).
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(spec.maxMessageBytes()));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy());
        if (spec.expires()) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retentionMs()));
        }
        if (spec.compacted() && spec.expires()) {
            configs.put(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, ERASURE_LAG_MS);
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, ERASURE_LAG_MS);
        }
        return configs;
    }

    /** Creates the topics missing on the cluster; existing ones are left as they are. */
    public void createMissing(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            // Topics made by an older version keep their data, and get today's record size, cleanup and retention.
            Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>> sizes = new java.util.HashMap<>();
            for (io.headwater.kafka.topics.TopicSpec spec : specs()) {
                if (existing.contains(spec.name())) {
                    sizes.put(new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, spec.name()),
                            configs(spec).entrySet().stream().map(c -> new org.apache.kafka.clients.admin.AlterConfigOp(
                                    new org.apache.kafka.clients.admin.ConfigEntry(c.getKey(), c.getValue()),
                                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)).toList());
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
