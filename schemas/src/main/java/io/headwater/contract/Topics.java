package io.headwater.contract;

import java.util.List;

/**
 * The Kafka topics that make up Headwater's contract between services. Names carry a version
 * suffix so that an incompatible change gets a new topic rather than breaking readers.
 */
public final class Topics {

    /** Normalised OpenLineage events (Avro {@code LineageEvent}), keyed by root run id. */
    public static final String LINEAGE = "headwater.lineage.v1";
    /** Decisions (Avro {@code Decision}), keyed by decision id. */
    public static final String DECISIONS = "headwater.decisions.v1";
    /** Monitoring statistics (Avro {@code MonitoringStats}), keyed by model name and version. */
    public static final String MONITORING = "headwater.monitoring.v1";
    /** Decisions linked to their model version (Avro {@code LinkedDecision}), compacted, keyed by decision id. */
    public static final String DECISIONS_LINKED = "headwater.decisions.linked.v1";
    /** Graph nodes (Avro {@code GraphNode}), compacted, keyed by node id. */
    public static final String GRAPH_NODES = "headwater.graph.nodes.v1";
    /** Graph edges (Avro {@code GraphEdge}), compacted, keyed by edge id. */
    public static final String GRAPH_EDGES = "headwater.graph.edges.v1";
    /** Drift alerts (Avro {@code DriftAlert}), compacted, keyed by alert id. */
    public static final String ALERTS = "headwater.alerts.v1";
    /** Webhook subscriptions to alerts (JSON, keyed by subscription id; a tombstone deletes one). */
    public static final String ALERT_WEBHOOKS = "headwater.alert-webhooks.v1";
    /** Events that were accepted but could not be converted: raw payload plus reason in headers. */
    public static final String DEAD_LETTER = "headwater.deadletter.v1";
    /** JSON in: where OpenLineage's Kafka transport writes events (ingest reads it; the name is configurable). */
    public static final String OPENLINEAGE_IN = "openlineage.events";
    /** JSON in: decisions from serving systems that write to Kafka rather than HTTP. */
    public static final String DECISIONS_IN = "headwater.decisions.json";
    /** JSON in: monitoring statistics from serving systems that write to Kafka rather than HTTP. */
    public static final String MONITORING_IN = "headwater.monitoring.json";
    /** Where the embedded schema registry keeps its schemas, as Confluent's does. */
    public static final String SCHEMAS = "_schemas";

    /** Topics whose records are facts keyed by id: compacted, so a replay rebuilds state. */
    public static final List<String> COMPACTED = List.of(GRAPH_NODES, GRAPH_EDGES, ALERTS, SCHEMAS, DECISIONS_LINKED, ALERT_WEBHOOKS);

    /** Every topic the platform needs. */
    public static final List<String> ALL = List.of(LINEAGE, DECISIONS, MONITORING, GRAPH_NODES, GRAPH_EDGES, ALERTS, DEAD_LETTER, SCHEMAS, DECISIONS_LINKED, ALERT_WEBHOOKS,
            OPENLINEAGE_IN, DECISIONS_IN, MONITORING_IN);

    private Topics() {
    }
}
