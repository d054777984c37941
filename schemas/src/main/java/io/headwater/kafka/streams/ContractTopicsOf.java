package io.headwater.kafka.streams;

import io.headwater.contract.Topics;
import org.apache.kafka.streams.TopologyDescription;

import java.util.Set;
import java.util.TreeSet;

/** The contract topics a topology reads or writes (its internal repartition and changelog topics left out). */
public final class ContractTopicsOf {

    private ContractTopicsOf() {
    }

    public static Set<String> topology(TopologyDescription description) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    topics.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            topics.addAll(store.source().topicSet());
        }
        topics.retainAll(Topics.allNames());
        return topics;
    }
}
