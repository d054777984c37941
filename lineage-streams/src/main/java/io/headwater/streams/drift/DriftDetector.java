package io.headwater.streams.drift;

import io.headwater.streams.metrics.StreamsMetrics;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.DriftAlertState;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.MonitoringStats;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes.Alert;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeId;
import io.headwater.streams.facts.GraphFact;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges each monitoring window of a model version against the reference profile of the run that
 * trained it, and forwards alerts as they open, escalate and resolve, each also as an ALERT node
 * linked to the model version. A window for a version not yet known is kept and judged once the
 * version appears (checked on every window and every few seconds).
 * Forwards alert facts keyed by alert id, and each alert's node and ALERT_ON edge keyed by their id; and every
 * judged window ({@link DriftWindows}), the version's drift history.
 */
public class DriftDetector implements Processor<String, MonitoringStats, String, GraphFact> {

    public static final String REFERENCES_STORE = "drift-model-versions";
    public static final String ALERTS_STORE = "drift-alert-state";
    public static final String PENDING_STORE = "drift-pending-windows";
    private static final char SEP = '\u001f';
    private static final Logger LOG = Logger.getLogger(DriftDetector.class);

    private final WindowEvaluator evaluator;
    private final int resolveAfterWindows;
    private ProcessorContext<String, GraphFact> context;
    private ReadOnlyKeyValueStore<String, GraphNode> references;
    private KeyValueStore<String, DriftAlertState> alerts;
    private KeyValueStore<String, MonitoringStats> pending;

    public DriftDetector(DriftThresholds thresholds) {
        this.evaluator = new WindowEvaluator(thresholds);
        this.resolveAfterWindows = thresholds.resolveAfterWindows();
    }

    @Override
    public void init(ProcessorContext<String, GraphFact> context) {
        this.context = context;
        references = context.getStateStore(REFERENCES_STORE);
        alerts = context.getStateStore(ALERTS_STORE);
        pending = context.getStateStore(PENDING_STORE);
        context.schedule(Duration.ofSeconds(5), PunctuationType.WALL_CLOCK_TIME, now -> retryPending());
    }

    @Override
    public void process(Record<String, MonitoringStats> record) {
        retryPending();
        judge(record.key(), record.value());
    }

    private void judge(String modelVersionId, MonitoringStats window) {
        GraphNode version = references.get(modelVersionId);
        if (version == null) {
            pending.put(modelVersionId + SEP + window.getWindowStart() + SEP + window.getWindowEnd(), window);
            LOG.debugf("monitoring window for %s kept until the model version is known", modelVersionId);
            return;
        }
        String trainingRun = version.getAttributes().get(ModelVersion.TRAINING_RUN);
        ReferenceProfile reference = ReferenceProfile.fromDetail(trainingRun, version.getDetailJson());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<Evaluation> evaluations = evaluator.evaluate(window, reference);
        context.forward(new Record<>(DriftWindows.key(modelVersionId, window.getWindowStart()),
                GraphFact.window(DriftWindows.of(modelVersionId, window, reference, evaluations, now)), context.currentSystemTimeMs()));
        for (Evaluation evaluation : evaluations) {
            StreamsMetrics.driftEvaluated(evaluation.severity());
            String key = modelVersionId + SEP + evaluation.feature() + SEP + evaluation.metric();
            AlertTracker.Step step = AlertTracker.step(alerts.get(key), evaluation, window, trainingRun, resolveAfterWindows, now);
            alerts.put(key, step.state());
            if (step.announce() != null) {
                announce(modelVersionId, step.announce());
            }
        }
    }

    private void announce(String modelVersionId, DriftAlert alert) {
        StreamsMetrics.alertAnnounced(alert.getState());
        long timestamp = context.currentSystemTimeMs();
        context.forward(new Record<>(alert.getAlertId(), GraphFact.alert(alert), timestamp));
        String nodeId = NodeId.alert(alert.getAlertId()).value();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put(Alert.MODEL_VERSION, modelVersionId);
        attributes.put(Alert.FEATURE, alert.getFeature());
        attributes.put(Alert.METRIC, alert.getMetric());
        attributes.put(Alert.VALUE, String.valueOf(alert.getValue()));
        attributes.put(Alert.THRESHOLD, String.valueOf(alert.getThreshold()));
        attributes.put(Alert.SEVERITY, alert.getSeverity().name());
        attributes.put(Alert.STATE, alert.getState().name());
        GraphNode node = GraphNode.newBuilder().setId(nodeId).setKind(NodeKind.ALERT).setName(alert.getFeature() + " " + alert.getMetric())
                .setFirstSeen(alert.getOpenedAt()).setLastSeen(alert.getUpdatedAt()).setAttributes(attributes).build();
        context.forward(new Record<>(nodeId, GraphFact.node(node), timestamp));
        GraphEdge edge = GraphEdge.newBuilder().setId(EdgeId.of(modelVersionId, EdgeKind.ALERT_ON, nodeId).value()).setKind(EdgeKind.ALERT_ON)
                .setSource(modelVersionId).setTarget(nodeId).setValidFrom(alert.getOpenedAt()).build();
        context.forward(new Record<>(edge.getId(), GraphFact.edge(edge), timestamp));
    }

    /** Judges the kept windows whose model version is now known, oldest first. */
    private void retryPending() {
        List<KeyValue<String, MonitoringStats>> ready = new ArrayList<>();
        try (KeyValueIterator<String, MonitoringStats> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, MonitoringStats> kept = it.next();
                String modelVersionId = kept.key.substring(0, kept.key.indexOf(SEP));
                if (references.get(modelVersionId) != null) {
                    ready.add(kept);
                }
            }
        }
        ready.sort((a, b) -> a.value.getWindowEnd().compareTo(b.value.getWindowEnd()));
        for (KeyValue<String, MonitoringStats> kept : ready) {
            pending.delete(kept.key);
            judge(kept.key.substring(0, kept.key.indexOf(SEP)), kept.value);
        }
    }
}
