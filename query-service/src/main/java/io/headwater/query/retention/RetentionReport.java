package io.headwater.query.retention;

import io.headwater.contract.Topic;
import io.headwater.contract.Topics;
import io.headwater.contract.retention.RetentionClass;
import io.headwater.contract.retention.RetentionPolicy;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.topics.TopicSpec;
import io.headwater.query.api.RetentionStatus;
import io.headwater.query.streams.KeptAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Q9: the retention policy next to what Kafka actually keeps, the last expiry, and the holds. */
@ApplicationScoped
public class RetentionReport {

    private final RetentionPolicy policy;
    private final LegalHolds holds;
    private final Erasures erasures;
    private final DecisionExpiry expiry;
    private final Duration interval;
    /** One admin client for the service's life: a new one per question would pay a connection each time. */
    private final KeptAdmin admin;

    public RetentionReport(RetentionPolicy policy, KafkaConnection kafka, LegalHolds holds, Erasures erasures, DecisionExpiry expiry,
                           @ConfigProperty(name = "headwater.retention.expiry-interval") Duration interval) {
        this.policy = policy;
        this.admin = new KeptAdmin(kafka, "query-retention-report");
        this.holds = holds;
        this.erasures = erasures;
        this.expiry = expiry;
        this.interval = interval;
    }

    public RetentionStatus status() {
        Instant now = Instant.now();
        Map<String, Config> configs = topicConfigs();
        List<RetentionStatus.RetentionClassStatus> classes = new ArrayList<>();
        for (RetentionClass retention : RetentionClass.values()) {
            List<RetentionStatus.TopicRetention> topics = new ArrayList<>();
            for (Topic<?> topic : Topics.ALL) {
                if (topic.retention() == retention) {
                    topics.add(topic(topic, configs.get(topic.name())));
                }
            }
            Duration period = policy.period(retention).orElse(null);
            classes.add(new RetentionStatus.RetentionClassStatus(retention.name().toLowerCase(Locale.ROOT), retention.description(),
                    period == null ? null : RetentionPolicy.iso(period), retention.legalMinimum() == null ? null : RetentionPolicy.iso(retention.legalMinimum()),
                    policy.meetsLegalMinimum(retention), period == null ? null : now.minus(period),
                    topics.stream().allMatch(RetentionStatus.TopicRetention::asPolicy), topics));
        }
        DecisionExpiry.Sweep sweep = expiry.last();
        return new RetentionStatus(now, classes, new RetentionStatus.DecisionExpiryStatus(interval.toString(), sweep == null ? null : sweep.at(),
                sweep == null ? null : sweep.cutOff(), sweep == null ? 0 : sweep.expired(), sweep == null ? 0 : sweep.heldBack(), expiry.expiredSinceStart()),
                holds.active(), erasures.receipts().size());
    }

    private RetentionStatus.TopicRetention topic(Topic<?> topic, Config config) {
        TopicSpec spec = TopicSpec.of(topic).retained(topic, policy);
        String expected = spec.cleanupPolicy() + (spec.expires() ? ", retention.ms " + spec.retentionMs() : "");
        if (config == null) {
            return new RetentionStatus.TopicRetention(topic.name(), null, null, expected, false);
        }
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
        Long retention = retentionMs == null ? null : Long.parseLong(retentionMs);
        boolean asPolicy = spec.cleanupPolicy().equals(cleanup) && (!spec.expires() || spec.retentionMs().equals(retention));
        return new RetentionStatus.TopicRetention(topic.name(), cleanup, retention, expected, asPolicy);
    }

    /** Each topic's configuration as the cluster has it; none when the cluster did not answer in time (then nothing is claimed). */
    private Map<String, Config> topicConfigs() {
        Map<String, Config> found = new HashMap<>();
        List<ConfigResource> resources = Topics.ALL.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        admin.get().describeConfigs(resources).values().forEach((resource, future) -> {
            try {
                found.put(resource.name(), future.get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
                // Missing or unreadable: reported as not as the policy says.
            }
        });
        return found;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        admin.close();
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }
}
