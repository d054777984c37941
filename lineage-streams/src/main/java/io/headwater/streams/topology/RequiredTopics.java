package io.headwater.streams.topology;

import io.headwater.contract.Topics;
import io.headwater.kafka.streams.RequiredTopicsConfigSource;

/** The topics this topology reads and writes; GraphTopologyTest holds the list to the topology. */
public class RequiredTopics extends RequiredTopicsConfigSource {

    public RequiredTopics() {
        super(Topics.LINEAGE, Topics.DECISIONS, Topics.MONITORING, Topics.GRAPH_NODES, Topics.GRAPH_EDGES, Topics.DECISIONS_LINKED, Topics.ALERTS, Topics.DRIFT_WINDOWS);
    }
}
