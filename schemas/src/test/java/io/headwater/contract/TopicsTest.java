package io.headwater.contract;

import io.headwater.avro.GraphNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void everyTopicIsNamedOnceAndHeadwatersOwnCarryAVersion() {
        List<String> names = Topics.allNames();
        assertThat(names).doesNotHaveDuplicates().hasSize(Topics.ALL.size());
        for (Topic<?> topic : Topics.ALL) {
            if (topic.format() == Topic.Format.AVRO || topic == Topics.DEAD_LETTER || topic == Topics.ALERT_WEBHOOKS
                    || topic == Topics.API_KEYS || topic == Topics.AUDIT || topic == Topics.HOLDS || topic == Topics.ERASURES) {
                assertThat(topic.name()).as("a contract topic gets a new name for an incompatible change").matches("headwater\\..+\\.v\\d+");
            }
        }
    }

    @Test
    void factsKeyedByIdAreCompactedAndStreamsOfEventsAreNot() {
        assertThat(Topics.compactedNames()).containsExactlyInAnyOrder(Topics.GRAPH_NODES.name(), Topics.GRAPH_EDGES.name(), Topics.ALERTS.name(), Topics.DRIFT_WINDOWS.name(), Topics.DEPLOYMENTS.name(),
                Topics.SCHEMAS.name(), Topics.DECISIONS.name(), Topics.DECISIONS_LINKED.name(), Topics.ALERT_WEBHOOKS.name(), Topics.API_KEYS.name(),
                Topics.HOLDS.name(), Topics.ERASURES.name());
        assertThat(Topics.LINEAGE.compacted()).isFalse();
        assertThat(Topics.AUDIT.compacted()).as("the audit is append-only: nothing in it is ever replaced").isFalse();
    }

    @Test
    void decisionsAndMonitoringLeaveByAgeAndLineageFactsStay() {
        for (Topic<?> topic : Topics.ALL) {
            if (topic.retention() == io.headwater.contract.retention.RetentionClass.DECISIONS) {
                assertThat(topic.expires()).as(topic + " holds decision logs: kept for their period, then gone").isTrue();
            }
        }
        assertThat(Topics.DECISIONS.compacted()).as("an erased decision's tombstone must be able to remove it from the log").isTrue();
        assertThat(Topics.GRAPH_NODES.expires()).as("the graph is technical documentation: its facts stay").isFalse();
        assertThat(Topics.AUDIT.retention()).isEqualTo(io.headwater.contract.retention.RetentionClass.AUDIT);
        assertThat(io.headwater.kafka.topics.TopicSpec.of(Topics.DECISIONS).cleanupPolicy()).isEqualTo("compact,delete");
        assertThat(io.headwater.kafka.topics.TopicSpec.of(Topics.GRAPH_EDGES).cleanupPolicy()).isEqualTo("compact");
        assertThat(io.headwater.kafka.topics.TopicSpec.of(Topics.LINEAGE).cleanupPolicy()).isEqualTo("delete");
    }

    @Test
    void aTopicKnowsItsValues() {
        assertThat(Topics.GRAPH_NODES.valueType()).isEqualTo(GraphNode.class);
        assertThat(Topics.GRAPH_NODES.format()).isEqualTo(Topic.Format.AVRO);
        assertThat(Topics.OPENLINEAGE_IN.format()).isEqualTo(Topic.Format.JSON);
        assertThat(Topics.names(Topics.LINEAGE, Topics.ALERTS)).isEqualTo("headwater.lineage.v1,headwater.alerts.v1");
    }
}
