package io.headwater.query.streams;

import io.headwater.contract.Topics;
import io.headwater.kafka.streams.RequiredTopicsConfigSource;

/** The topics this topology reads; TopologyTest holds the list to the topology. */
public class RequiredTopics extends RequiredTopicsConfigSource {

    public RequiredTopics() {
        super(Topics.GRAPH_NODES, Topics.GRAPH_EDGES, Topics.DECISIONS_LINKED, Topics.ALERTS, Topics.DRIFT_WINDOWS, Topics.DEPLOYMENTS, Topics.ALERT_WEBHOOKS,
                Topics.HOLDS, Topics.ERASURES, Topics.AUDIT);
    }
}
