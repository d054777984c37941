package io.headwater.contract;

import io.headwater.avro.Decision;
import io.headwater.avro.Deployment;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.DriftWindow;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LinkedDecision;
import io.headwater.avro.MonitoringStats;

import io.headwater.contract.retention.RetentionClass;

import java.util.List;


/**
 * The Kafka topics that make up Headwater's contract between services, each with what its values are.
 * Names carry a version suffix so that an incompatible change gets a new topic rather than breaking readers.
 */
public final class Topics {

    /** Normalised OpenLineage events: a run event keyed by its run id (records written by earlier versions by the root run id, which lineage-streams re-keys), a job or dataset event by its node id. */
    public static final Topic<LineageEvent> LINEAGE = Topic.avro("headwater.lineage.v1", LineageEvent.class, false, RetentionClass.LINEAGE);
    /** Decisions, keyed by decision id; compacted (and expiring), so an erased decision's tombstone removes it from the log. */
    public static final Topic<Decision> DECISIONS = Topic.avro("headwater.decisions.v1", Decision.class, true, RetentionClass.DECISIONS);
    /** Monitoring statistics, keyed by model name and version. */
    public static final Topic<MonitoringStats> MONITORING = Topic.avro("headwater.monitoring.v1", MonitoringStats.class, false, RetentionClass.DECISIONS);
    /** Decisions linked to their model version, keyed by decision id. */
    public static final Topic<LinkedDecision> DECISIONS_LINKED = Topic.avro("headwater.decisions.linked.v1", LinkedDecision.class, true, RetentionClass.DECISIONS);
    /** Graph nodes, keyed by node id ({@code io.headwater.contract.graph.NodeId}). */
    public static final Topic<GraphNode> GRAPH_NODES = Topic.avro("headwater.graph.nodes.v1", GraphNode.class, true, RetentionClass.LINEAGE);
    /** Graph edges, keyed by edge id ({@code io.headwater.contract.graph.EdgeId}); a tombstone retracts an edge that was never true. */
    public static final Topic<GraphEdge> GRAPH_EDGES = Topic.avro("headwater.graph.edges.v1", GraphEdge.class, true, RetentionClass.LINEAGE);
    /** Drift alerts, keyed by alert id. */
    public static final Topic<DriftAlert> ALERTS = Topic.avro("headwater.alerts.v1", DriftAlert.class, true, RetentionClass.LINEAGE);
    /** Which model version served at which endpoint when, as serving systems report it (compacted: a retirement replaces its deployment). */
    public static final Topic<Deployment> DEPLOYMENTS = Topic.avro("headwater.deployments.v1", Deployment.class, true, RetentionClass.LINEAGE);
    /** Every judged monitoring window: the drift history of each model version, keyed by version and window start (compacted). */
    public static final Topic<DriftWindow> DRIFT_WINDOWS = Topic.avro("headwater.drift-windows.v1", DriftWindow.class, true, RetentionClass.LINEAGE);
    /** Webhook subscriptions to alerts (JSON, keyed by subscription id; a tombstone deletes one). */
    public static final Topic<String> ALERT_WEBHOOKS = Topic.json("headwater.alert-webhooks.v1", true, RetentionClass.OPERATIONAL);
    /** API keys (JSON {@code io.headwater.contract.access.ApiKey}, keyed by key id; only hashes of secrets): every instance reads them all. */
    public static final Topic<String> API_KEYS = Topic.json("headwater.api-keys.v1", true, RetentionClass.OPERATIONAL);
    /** The access audit: every request to every service, who made it and what it asked (JSON {@code io.headwater.contract.access.AuditEntry}); append-only, kept for the audit's retention period. */
    public static final Topic<String> AUDIT = Topic.json("headwater.audit.v1", false, RetentionClass.AUDIT);
    /** Legal holds (JSON {@code io.headwater.contract.retention.LegalHold}, keyed by hold id): what may not be deleted while held. */
    public static final Topic<String> HOLDS = Topic.json("headwater.holds.v1", true, RetentionClass.OPERATIONAL);
    /** Erasure receipts (JSON {@code io.headwater.contract.retention.ErasureReceipt}, keyed by receipt id): what was erased, where, when, by whom. */
    public static final Topic<String> ERASURES = Topic.json("headwater.erasures.v1", true, RetentionClass.OPERATIONAL);
    /** Records that were accepted but could not be converted or processed: the raw payload, the reason in headers. */
    public static final Topic<byte[]> DEAD_LETTER = Topic.bytes("headwater.deadletter.v1", RetentionClass.DECISIONS);
    /** JSON in: where OpenLineage's Kafka transport writes events (ingest reads it; the name is configurable). */
    public static final Topic<String> OPENLINEAGE_IN = Topic.json("openlineage.events", false, RetentionClass.LINEAGE);
    /** JSON in: decisions from serving systems that write to Kafka rather than HTTP. */
    public static final Topic<String> DECISIONS_IN = Topic.json("headwater.decisions.json", false, RetentionClass.DECISIONS);
    /** JSON in: monitoring statistics from serving systems that write to Kafka rather than HTTP. */
    public static final Topic<String> MONITORING_IN = Topic.json("headwater.monitoring.json", false, RetentionClass.DECISIONS);
    /** Where the embedded schema registry keeps its schemas, as Confluent's does (compacted). */
    public static final Topic<String> SCHEMAS = Topic.json("_schemas", true, RetentionClass.OPERATIONAL);

    /** Every topic the platform needs. */
    public static final List<Topic<?>> ALL = List.of(LINEAGE, DECISIONS, MONITORING, GRAPH_NODES, GRAPH_EDGES, ALERTS, DRIFT_WINDOWS, DEPLOYMENTS, DEAD_LETTER, SCHEMAS,
            DECISIONS_LINKED, ALERT_WEBHOOKS, OPENLINEAGE_IN, DECISIONS_IN, MONITORING_IN, API_KEYS, AUDIT, HOLDS, ERASURES);

    private Topics() {
    }

    /** The names of every topic the platform needs. */
    public static List<String> allNames() {
        return ALL.stream().map(Topic::name).toList();
    }

    /** The names of topics whose records are facts keyed by id: compacted. */
    public static List<String> compactedNames() {
        return ALL.stream().filter(Topic::compacted).map(Topic::name).toList();
    }

    /** The names of these topics, comma-separated, as Kafka and Quarkus configuration lists them. */
    public static String names(Topic<?>... topics) {
        return String.join(",", java.util.Arrays.stream(topics).map(Topic::name).toList());
    }
}
