package io.headwater.query.lineage;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes.Dataset;
import io.headwater.contract.graph.NodeAttributes.Job;

/** What Marquez-shaped answers say of a node's type and an edge's marks, the same in lineage and dataset answers. */
public final class MarquezShapes {

    private MarquezShapes() {
    }

    /** Marquez's type: a job's processing type; a dataset's STREAM for a topic or stream, else DB_TABLE. */
    public static String type(GraphNode node) {
        if (node.getKind() == NodeKind.JOB) {
            return node.getAttributes().getOrDefault(Job.PROCESSING_TYPE, "BATCH");
        }
        String datasetType = node.getAttributes().getOrDefault(Dataset.DATASET_TYPE, "");
        boolean stream = datasetType.equalsIgnoreCase("TOPIC") || datasetType.equalsIgnoreCase("STREAM")
                || (node.getNamespace() != null && node.getNamespace().startsWith("kafka://"));
        return stream ? "STREAM" : "DB_TABLE";
    }

    /** True when the edge carries the mark (declared, observed), else absent. */
    public static Boolean mark(GraphEdge edge, String key) {
        return "true".equals(edge.getAttributes().get(key)) ? Boolean.TRUE : null;
    }
}
