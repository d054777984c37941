package io.headwater.streams.topology;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.Decision;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LinkedDecision;
import io.headwater.avro.RunHistory;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroSerde;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serde;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Avro serdes of the contract, all through one registry client. */
@ApplicationScoped
public class GraphSerdes {

    private final Serde<LineageEvent> lineage;
    private final Serde<GraphNode> nodes;
    private final Serde<GraphEdge> edges;
    private final Serde<RunHistory> runHistory;
    private final Serde<DatasetAccess> accesses;
    private final Serde<Decision> decisions;
    private final Serde<LinkedDecision> linkedDecisions;
    private final Serde<io.headwater.avro.MonitoringStats> monitoring;
    private final Serde<io.headwater.avro.DriftAlert> alerts;
    private final Serde<io.headwater.avro.DriftAlertState> alertStates;

    @jakarta.inject.Inject
    public GraphSerdes(@ConfigProperty(name = "headwater.schema-registry.url") String registryUrl) {
        this(new SchemaRegistryClient(registryUrl));
    }

    public GraphSerdes(SchemaRegistryClient registry) {
        this.lineage = AvroSerde.forValues(registry, LineageEvent.class);
        this.nodes = AvroSerde.forValues(registry, GraphNode.class);
        this.edges = AvroSerde.forValues(registry, GraphEdge.class);
        this.runHistory = AvroSerde.forValues(registry, RunHistory.class);
        this.accesses = AvroSerde.forValues(registry, DatasetAccess.class);
        this.decisions = AvroSerde.forValues(registry, Decision.class);
        this.linkedDecisions = AvroSerde.forValues(registry, LinkedDecision.class);
        this.monitoring = AvroSerde.forValues(registry, io.headwater.avro.MonitoringStats.class);
        this.alerts = AvroSerde.forValues(registry, io.headwater.avro.DriftAlert.class);
        this.alertStates = AvroSerde.forValues(registry, io.headwater.avro.DriftAlertState.class);
    }

    public Serde<io.headwater.avro.MonitoringStats> monitoring() {
        return monitoring;
    }

    public Serde<io.headwater.avro.DriftAlert> alerts() {
        return alerts;
    }

    public Serde<io.headwater.avro.DriftAlertState> alertStates() {
        return alertStates;
    }

    public Serde<Decision> decisions() {
        return decisions;
    }

    public Serde<LinkedDecision> linkedDecisions() {
        return linkedDecisions;
    }

    public Serde<RunHistory> runHistory() {
        return runHistory;
    }

    public Serde<DatasetAccess> accesses() {
        return accesses;
    }

    public Serde<LineageEvent> lineage() {
        return lineage;
    }

    public Serde<GraphNode> nodes() {
        return nodes;
    }

    public Serde<GraphEdge> edges() {
        return edges;
    }
}
