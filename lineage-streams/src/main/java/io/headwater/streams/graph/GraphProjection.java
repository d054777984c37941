package io.headwater.streams.graph;

import io.headwater.avro.DatasetRef;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.NodeKind;
import io.headwater.avro.RunInfo;
import io.headwater.contract.GraphIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one lineage event says about the graph: the nodes it mentions and the edges it asserts,
 * each stamped with the event's time. Merging these per id ({@link GraphMerge}) gives the graph.
 */
public final class GraphProjection {

    private GraphProjection() {
    }

    public static List<GraphNode> nodes(LineageEvent event) {
        List<GraphNode> nodes = new ArrayList<>();
        Instant time = event.getEventTime();
        JobInfo job = event.getJob();
        if (job != null) {
            nodes.add(node(GraphIds.job(job.getNamespace(), job.getName()), NodeKind.JOB, job.getNamespace(), job.getName(), time,
                    jobAttributes(job)));
        }
        for (DatasetRef dataset : datasets(event)) {
            nodes.add(node(GraphIds.dataset(dataset.getNamespace(), dataset.getName()), NodeKind.DATASET,
                    dataset.getNamespace(), dataset.getName(), time, Map.of()));
        }
        RunInfo run = event.getRun();
        if (run != null) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (event.getEventType() != null) {
                attributes.put("state", event.getEventType().name());
            }
            if (job != null) {
                attributes.put("job", GraphIds.job(job.getNamespace(), job.getName()));
            }
            nodes.add(node(GraphIds.run(run.getRunId()), NodeKind.RUN, null, run.getRunId(), time, attributes));
        }
        return nodes;
    }

    public static List<GraphEdge> edges(LineageEvent event) {
        List<GraphEdge> edges = new ArrayList<>();
        JobInfo job = event.getJob();
        Instant time = event.getEventTime();
        if (job != null) {
            String jobId = GraphIds.job(job.getNamespace(), job.getName());
            for (DatasetRef input : event.getInputs()) {
                edges.add(edge(GraphIds.dataset(input.getNamespace(), input.getName()), EdgeKind.INPUT_TO, jobId, time));
            }
            for (DatasetRef output : event.getOutputs()) {
                edges.add(edge(jobId, EdgeKind.OUTPUT_OF, GraphIds.dataset(output.getNamespace(), output.getName()), time));
            }
            if (event.getRun() != null) {
                edges.add(edge(jobId, EdgeKind.RUN_OF, GraphIds.run(event.getRun().getRunId()), time));
            }
        }
        RunInfo run = event.getRun();
        if (run != null && run.getParent() != null && run.getParent().getRunId() != null) {
            edges.add(edge(GraphIds.run(run.getParent().getRunId()), EdgeKind.CHILD_OF, GraphIds.run(run.getRunId()), time));
        }
        return edges;
    }

    private static List<DatasetRef> datasets(LineageEvent event) {
        List<DatasetRef> all = new ArrayList<>(event.getInputs());
        all.addAll(event.getOutputs());
        if (event.getDataset() != null) {
            all.add(event.getDataset());
        }
        return all;
    }

    private static Map<String, String> jobAttributes(JobInfo job) {
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "jobType", job.getJobType());
        putIfPresent(attributes, "processingType", job.getProcessingType());
        putIfPresent(attributes, "integration", job.getIntegration());
        return attributes;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static GraphNode node(String id, NodeKind kind, String namespace, String name, Instant time, Map<String, String> attributes) {
        return GraphNode.newBuilder()
                .setId(id).setKind(kind).setNamespace(namespace).setName(name)
                .setFirstSeen(time).setLastSeen(time)
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }

    private static GraphEdge edge(String source, EdgeKind kind, String target, Instant time) {
        return GraphEdge.newBuilder()
                .setId(GraphIds.edge(source, kind, target))
                .setKind(kind).setSource(source).setTarget(target)
                .setValidFrom(time)
                .build();
    }
}
