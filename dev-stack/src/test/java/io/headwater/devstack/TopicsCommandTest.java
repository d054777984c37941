package io.headwater.devstack;

import io.headwater.contract.RecordSizes;
import io.headwater.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ./headwater topics against a real broker: creates, checks, reports and repairs drift, and does it again to no effect. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TopicsCommandTest {

    @TempDir
    static Path dataDir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.on(dataDir, 0, 0).start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static String run(boolean apply, TopicLayout layout, boolean increase, int[] status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Admin admin = kafka.admin(); PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            TopicsCommand command = new TopicsCommand(admin, layout, out);
            status[0] = apply ? command.apply(increase) : command.check();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void createsEverythingOnceThenFindsAndRepairsDriftAndSaysWhatItCannotRepair() throws Exception {
        int[] status = new int[1];
        TopicLayout layout = new TopicLayout(2, (short) 1);
        String empty = run(false, layout, false, status);
        assertThat(status[0]).isEqualTo(1);
        assertThat(empty).contains(Topics.LINEAGE.name() + " is missing");

        assertThat(run(true, layout, false, status)).contains("all " + Topics.ALL.size() + " as expected");
        assertThat(status[0]).isZero();
        assertThat(run(true, layout, false, status)).as("idempotent").contains("all " + Topics.ALL.size() + " as expected").doesNotContain("fixed");

        try (Admin admin = kafka.admin()) {
            admin.incrementalAlterConfigs(Map.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.GRAPH_NODES.name()), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE), AlterConfigOp.OpType.SET)),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.LINEAGE.name()), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1000000"), AlterConfigOp.OpType.SET)))).all().get();
            admin.deleteTopics(Set.of(Topics.ALERTS.name())).all().get();
        }
        Thread.sleep(500);
        String drift = run(false, layout, false, status);
        assertThat(status[0]).isEqualTo(1);
        assertThat(drift).contains(Topics.GRAPH_NODES.name() + ": cleanup.policy is delete, must be compact")
                .contains(Topics.LINEAGE.name() + ": max.message.bytes is 1000000, must be at least " + RecordSizes.MAX_RECORD_BYTES)
                .contains(Topics.ALERTS.name() + " is missing");

        String wider = run(true, new TopicLayout(4, (short) 1), false, status);
        assertThat(status[0]).as("partitions are not raised unasked").isEqualTo(1);
        assertThat(wider).contains("fixed    " + Topics.GRAPH_NODES.name()).contains("partitions is 2, must be 4");
        assertThat(run(false, layout, false, status)).as("configuration repaired; the re-created topic has the wider layout's partitions")
                .doesNotContain("cleanup.policy").doesNotContain("max.message.bytes").doesNotContain("is missing")
                .contains(Topics.ALERTS.name() + ": partitions is 4, must be 2");
        // Asked, it raises them; replication factor 3 on one broker it can only report.
        run(true, new TopicLayout(4, (short) 1), true, status);
        assertThat(status[0]).isZero();
        assertThat(run(false, new TopicLayout(4, (short) 3), false, status)).contains("replication factor is 1, must be 3").contains("reassign");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void retentionFollowsEachTopicsClassAndAChangedPeriodIsApplied() throws Exception {
        int[] status = new int[1];
        TopicLayout layout = new TopicLayout(4, (short) 1, io.headwater.contract.retention.RetentionPolicy.defaults());
        String applied = run(true, layout, true, status);
        assertThat(status[0]).as(applied).isZero();
        try (Admin admin = kafka.admin()) {
            var decisions = config(admin, Topics.DECISIONS.name());
            assertThat(decisions.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact,delete");
            assertThat(decisions.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(String.valueOf(java.time.Duration.ofDays(184).toMillis()));
            assertThat(decisions.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).as("an erased decision leaves the log within a day")
                    .isEqualTo(String.valueOf(java.time.Duration.ofDays(1).toMillis()));
            assertThat(config(admin, Topics.LINEAGE.name()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(java.time.Duration.ofDays(3653).toMillis()));
            assertThat(config(admin, Topics.GRAPH_NODES.name()).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
        var shorter = new TopicLayout(4, (short) 1, io.headwater.contract.retention.RetentionPolicy.from(
                name -> name.equals("headwater.retention.decisions") ? java.util.Optional.of("P200D") : java.util.Optional.empty()));
        assertThat(run(false, shorter, false, status)).contains(Topics.MONITORING.name() + ": retention.ms is " + java.time.Duration.ofDays(184).toMillis()
                + ", must be " + java.time.Duration.ofDays(200).toMillis());
        run(true, shorter, false, status);
        assertThat(status[0]).isZero();
        try (Admin admin = kafka.admin()) {
            assertThat(config(admin, Topics.DECISIONS_LINKED.name()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(java.time.Duration.ofDays(200).toMillis()));
        }
    }

    private static org.apache.kafka.clients.admin.Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
