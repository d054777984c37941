package io.headwater.query.models;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.Read;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.alerts.AlertService;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.DriftHistory;
import io.headwater.query.api.ModelValidations;
import io.headwater.query.api.RunDetails;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.runs.RunReader;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Q8. A validation is a run that reads the model (what the version's training run wrote) in the
 * {@code validation} role, as OpenLineage emitters already say of data with Headwater's datasetRole facet;
 * nothing else needs recording.
 */
@ApplicationScoped
public class ValidationService {

    /** The role that makes a run a validation of the model it reads. */
    public static final String VALIDATION_ROLE = "validation";

    private final GraphStore store;
    private final AlertService alerts;
    private final DriftWindowsReader drift;

    public ValidationService(GraphStore store, AlertService alerts, DriftWindowsReader drift) {
        this.store = store;
        this.alerts = alerts;
        this.drift = drift;
    }

    public ModelValidations validations(String name, String version) {
        return validations(name, version, null);
    }

    /** As known at {@code asOf} (null: now): the runs then in the graph, the alerts opened by then. */
    public ModelValidations validations(String name, String version, java.time.Instant asOf) {
        GraphView graph = new GraphView(store, asOf);
        String id = NodeId.modelVersion(name, version).value();
        GraphNode node = graph.node(id).filter(n -> n.getKind() == NodeKind.MODEL_VERSION)
                .orElseThrow(() -> NotFoundException.of("model version", id));
        List<ModelValidations.Validation> validations = validations(graph, node.getAttributes().get(ModelVersion.TRAINING_RUN));
        ModelValidations.Validation last = validations.stream().filter(v -> "COMPLETE".equals(v.state()) && v.endTime() != null)
                .max(Comparator.comparing(ModelValidations.Validation::endTime)).orElse(null);
        List<AlertView> all = alerts.alerts(new AlertService.Filter(name, version, null, null), 10_000);
        List<AlertView> since = new ArrayList<>();
        List<AlertView> before = new ArrayList<>();
        for (AlertView alert : all) {
            if (asOf != null && alert.openedAt().isAfter(asOf)) {
                continue;
            }
            if (last == null || !alert.openedAt().isBefore(last.endTime())) {
                since.add(alert);
            } else if ("OPEN".equals(alert.state())) {
                before.add(alert);
            }
        }
        String note = last == null ? "no completed validation run read this model version in the validation role: every alert is listed as since"
                : null;
        return new ModelValidations(id, validations, last, since, before, reference(id), note);
    }

    /** The runs that read what the training run wrote in the validation role, oldest first. */
    static List<ModelValidations.Validation> validations(GraphView graph, String trainingRun) {
        List<ModelValidations.Validation> found = new ArrayList<>();
        if (trainingRun == null) {
            return found;
        }
        TreeSet<String> runs = new TreeSet<>();
        for (GraphEdge wrote : graph.out(trainingRun, EdgeKind.WROTE)) {
            for (GraphEdge read : graph.out(wrote.getTarget(), EdgeKind.READ)) {
                if (VALIDATION_ROLE.equals(read.getAttributes().get(Read.ROLE)) && !read.getTarget().equals(trainingRun)) {
                    runs.add(read.getTarget());
                }
            }
        }
        for (String run : runs) {
            RunReader.read(graph, run).ifPresent(details -> found.add(new ModelValidations.Validation(details.id(), details.job(), details.state(),
                    details.startTime(), details.endTime(), RunReader.finalMetrics(details.metrics()), dataOtherThanTheModel(details, trainingRun))));
        }
        found.sort(Comparator.comparing(ModelValidations.Validation::startTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return found;
    }

    private static List<RunDetails.DataRef> dataOtherThanTheModel(RunDetails run, String trainingRun) {
        return run.inputs().stream().filter(in -> !trainingRun.equals(in.writtenBy())).toList();
    }

    /** The reference the latest judged window was compared with: the training data's distribution per feature. */
    private ModelValidations.ReferenceProfile reference(String modelVersionId) {
        DriftHistory history = drift.history(modelVersionId, 1);
        if (history.windows().isEmpty()) {
            return null;
        }
        Map<String, ModelValidations.ReferenceProfile.Feature> features = new LinkedHashMap<>();
        history.windows().get(0).features().forEach((feature, f) -> {
            if (!f.reference().isEmpty()) {
                features.put(feature, new ModelValidations.ReferenceProfile.Feature(f.labels(), f.reference()));
            }
        });
        return new ModelValidations.ReferenceProfile(history.referenceProfile(), features);
    }
}
