package io.headwater.streams.facts;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import org.apache.avro.specific.SpecificRecord;

/**
 * One fact a processor states, forwarded keyed by the id of what it is about (a node or edge id, the
 * dataset id of an access, the alert id). The topology splits a processor's facts by kind; facts are
 * never serialised as such, only their values are.
 *
 * @param value null for a retracted edge (a tombstone on the edge topic)
 */
public record GraphFact(Kind kind, SpecificRecord value) {

    public enum Kind {
        NODE, EDGE, ACCESS, ALERT, WINDOW
    }

    public static GraphFact node(GraphNode node) {
        return new GraphFact(Kind.NODE, node);
    }

    public static GraphFact edge(GraphEdge edge) {
        return new GraphFact(Kind.EDGE, edge);
    }

    /** An edge that was never true: its id's record becomes a tombstone. */
    public static GraphFact retractedEdge() {
        return new GraphFact(Kind.EDGE, null);
    }

    public static GraphFact access(DatasetAccess access) {
        return new GraphFact(Kind.ACCESS, access);
    }

    public static GraphFact alert(DriftAlert alert) {
        return new GraphFact(Kind.ALERT, alert);
    }

    public static GraphFact window(io.headwater.avro.DriftWindow window) {
        return new GraphFact(Kind.WINDOW, window);
    }
}
