package io.headwater.kafka.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Compares topics on a cluster with what they must be, and says each difference. */
public final class TopicAudit {

    /** One way a topic differs from its spec; {@code actual} null when the topic is missing. */
    public record Drift(String topic, String what, String expected, String actual) {

        public boolean missing() {
            return "exists".equals(what);
        }

        @Override
        public String toString() {
            return missing() ? topic + " is missing" : topic + ": " + what + " is " + actual + ", must be " + expected;
        }
    }

    private TopicAudit() {
    }

    /** @throws TimeoutException when the cluster did not answer in time (then nothing can be said) */
    public static List<Drift> audit(Admin admin, Collection<TopicSpec> specs, Duration timeout) throws TimeoutException {
        List<Drift> drifts = new ArrayList<>();
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(names).topicNameValues();
        List<TopicSpec> existing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            try {
                TopicDescription description = get(descriptions.get(spec.name()), timeout);
                existing.add(spec);
                if (spec.partitions() != null && description.partitions().size() != spec.partitions()) {
                    drifts.add(new Drift(spec.name(), "partitions", String.valueOf(spec.partitions()), String.valueOf(description.partitions().size())));
                }
                int replicas = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
                if (spec.replicationFactor() != null && replicas != spec.replicationFactor()) {
                    drifts.add(new Drift(spec.name(), "replication factor", String.valueOf(spec.replicationFactor()), String.valueOf(replicas)));
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    drifts.add(new Drift(spec.name(), "exists", "yes", null));
                } else {
                    throw new IllegalStateException("could not describe " + spec.name() + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        if (existing.isEmpty()) {
            return drifts;
        }
        Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(existing.stream()
                .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).toList()).values();
        for (TopicSpec spec : existing) {
            try {
                Config config = get(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())), timeout);
                String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                // A compacted topic may also delete (compact,delete); an event topic must never compact away events.
                boolean compacts = policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
                if (spec.compacted() != compacts) {
                    drifts.add(new Drift(spec.name(), TopicConfig.CLEANUP_POLICY_CONFIG, spec.compacted() ? "compact" : "delete", policy));
                } else if (spec.retentionMs() != null && spec.expires() != policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                    // Where the deployment's retention is known, whether records leave by age is checked too.
                    drifts.add(new Drift(spec.name(), TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy(), policy));
                }
                if (spec.retentionMs() != null && spec.expires()) {
                    long retention = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "604800000"));
                    if (retention != spec.retentionMs()) {
                        drifts.add(new Drift(spec.name(), TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retentionMs()), String.valueOf(retention)));
                    }
                }
                long maxBytes = Long.parseLong(value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"));
                if (maxBytes < spec.maxMessageBytes()) {
                    drifts.add(new Drift(spec.name(), TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "at least " + spec.maxMessageBytes(), String.valueOf(maxBytes)));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not read the configuration of " + spec.name() + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        return drifts;
    }

    private static String value(Config config, String name, String otherwise) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? otherwise : entry.value();
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout) throws ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
