package io.headwater.query.streams;

import io.headwater.contract.Topics;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.TopicSerdes;
import io.headwater.kafka.streams.ContractTopicsOf;
import io.headwater.kafka.streams.RequiredTopicsConfigSource;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyTest {

    @Test
    void theTopicsTheServiceWaitsForAreTheContractTopicsItsTopologyReads() {
        Topology topology = new TopologyProducer(new TopicSerdes(new SchemaRegistryClient("http://127.0.0.1:1")), alert -> { }).buildTopology();
        Set<String> used = ContractTopicsOf.topology(topology.describe());
        assertThat(used).contains(Topics.GRAPH_NODES.name(), Topics.DECISIONS_LINKED.name());
        assertThat(new RequiredTopics().getValue(RequiredTopicsConfigSource.KEY).split(",")).containsExactlyInAnyOrderElementsOf(used);
    }
}
