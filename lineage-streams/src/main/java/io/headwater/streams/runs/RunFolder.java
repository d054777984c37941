package io.headwater.streams.runs;

import io.headwater.avro.ColumnLineage;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.Environment;
import io.headwater.avro.ErrorInfo;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.InputField;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.Metric;
import io.headwater.avro.RunHistory;
import io.headwater.avro.RunInfo;
import io.headwater.avro.RunRef;
import io.headwater.avro.RunState;
import io.headwater.avro.Tag;
import io.headwater.contract.graph.NodeId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds a run's history (sorted by event time) into one {@link RunView}: later events refine
 * earlier ones, inputs and outputs are the union, and a terminal event (COMPLETE, FAIL, ABORT)
 * decides the state even if a RUNNING event carries a later time.
 */
public final class RunFolder {

    /** The states that end a run. */
    static final Set<RunState> TERMINAL = Set.of(RunState.COMPLETE, RunState.FAIL, RunState.ABORT);

    private RunFolder() {
    }

    public static RunView fold(RunHistory history) {
        JobInfo job = null;
        RunState state = null;
        RunState terminal = null;
        Instant start = null;
        Instant end = null;
        Instant first = null;
        Instant last = null;
        RunRef parent = null;
        RunRef root = null;
        ErrorInfo error = null;
        Map<String, String> parameters = new TreeMap<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Environment environment = null;
        List<FeatureDistribution> profile = List.of();
        Instant nominalStart = null;
        Instant nominalEnd = null;
        Map<String, DatasetRef> inputs = new TreeMap<>();
        Map<String, DatasetRef> outputs = new TreeMap<>();
        Map<String, Instant> readAt = new TreeMap<>();
        Map<String, Tag> tags = new TreeMap<>();
        for (LineageEvent event : history.getEvents()) {
            Instant time = event.getEventTime();
            first = first == null ? time : first;
            last = time;
            if (event.getJob() != null) {
                job = job == null ? event.getJob() : refine(job, event.getJob());
            }
            RunState type = event.getEventType();
            if (type != null) {
                state = type;
                if (type == RunState.START && start == null) {
                    start = time;
                }
                if (TERMINAL.contains(type)) {
                    terminal = type;
                    end = time;
                }
            }
            RunInfo run = event.getRun();
            if (run != null) {
                parent = run.getParent() != null ? run.getParent() : parent;
                root = run.getRoot() != null ? run.getRoot() : root;
                error = run.getError() != null ? run.getError() : error;
                parameters.putAll(run.getParameters());
                run.getMetrics().forEach(m -> metrics.put(m.getName() + "|" + m.getStep() + "|" + m.getTimestamp(), m));
                environment = run.getEnvironment() != null ? run.getEnvironment() : environment;
                profile = run.getReferenceProfile().isEmpty() ? profile : run.getReferenceProfile();
                nominalStart = run.getNominalStartTime() != null ? run.getNominalStartTime() : nominalStart;
                nominalEnd = run.getNominalEndTime() != null ? run.getNominalEndTime() : nominalEnd;
                run.getTags().forEach(tag -> tags.put(tag.getKey(), tag));
            }
            for (DatasetRef input : event.getInputs()) {
                String id = NodeId.dataset(input.getNamespace(), input.getName()).value();
                inputs.merge(id, input, RunFolder::refine);
                readAt.putIfAbsent(id, time);
            }
            for (DatasetRef output : event.getOutputs()) {
                outputs.merge(NodeId.dataset(output.getNamespace(), output.getName()).value(), output, RunFolder::refine);
            }
        }
        return new RunView(history.getRunId(), job, terminal != null ? terminal : state, start != null ? start : first, end, first, last,
                parent, root, error, parameters, new ArrayList<>(metrics.values()), environment, profile, nominalStart, nominalEnd,
                new ArrayList<>(inputs.values()), new ArrayList<>(outputs.values()), readAt,
                (int) (history.getEvents().size() + history.getDroppedRunning()), new ArrayList<>(tags.values()));
    }

    /** Column lineage only grows: every field derivation any event reported stays (ids must not depend on event order). */
    private static List<ColumnLineage> unionOfColumns(List<ColumnLineage> earlier, List<ColumnLineage> later) {
        Map<String, Map<String, InputField>> byField = new TreeMap<>();
        for (List<ColumnLineage> list : List.of(earlier, later)) {
            for (ColumnLineage column : list) {
                Map<String, InputField> inputs = byField.computeIfAbsent(column.getField(), f -> new TreeMap<>());
                column.getInputs().forEach(i -> inputs.put(i.getNamespace() + ":" + i.getName() + ":" + i.getField(), i));
            }
        }
        List<ColumnLineage> union = new ArrayList<>();
        byField.forEach((field, inputs) -> union.add(new ColumnLineage(field, new ArrayList<>(inputs.values()))));
        return union;
    }

    /** A later event's job refines an earlier one's: its facets win where it has them (a COMPLETE event may omit what START said). */
    private static JobInfo refine(JobInfo earlier, JobInfo later) {
        return JobInfo.newBuilder(later)
                .setSourceCode(later.getSourceCode() != null ? later.getSourceCode() : earlier.getSourceCode())
                .setSql(later.getSql() != null ? later.getSql() : earlier.getSql())
                .setSourceCodeLanguage(later.getSourceCodeLanguage() != null ? later.getSourceCodeLanguage() : earlier.getSourceCodeLanguage())
                .setSourceCodeText(later.getSourceCodeText() != null ? later.getSourceCodeText() : earlier.getSourceCodeText())
                .setJobType(later.getJobType() != null ? later.getJobType() : earlier.getJobType())
                .setProcessingType(later.getProcessingType() != null ? later.getProcessingType() : earlier.getProcessingType())
                .setIntegration(later.getIntegration() != null ? later.getIntegration() : earlier.getIntegration())
                .setDescription(later.getDescription() != null ? later.getDescription() : earlier.getDescription())
                .setTags(later.getTags().isEmpty() ? earlier.getTags() : later.getTags())
                .setOwners(later.getOwners().isEmpty() ? earlier.getOwners() : later.getOwners())
                .build();
    }

    /** A later mention of a dataset refines an earlier one: its facets win where it has them. */
    private static DatasetRef refine(DatasetRef earlier, DatasetRef later) {
        return DatasetRef.newBuilder(later)
                .setVersion(later.getVersion() != null ? later.getVersion() : earlier.getVersion())
                .setRole(later.getRole() != null ? later.getRole() : earlier.getRole())
                .setFields(later.getFields().isEmpty() ? earlier.getFields() : later.getFields())
                .setColumnLineage(unionOfColumns(earlier.getColumnLineage(), later.getColumnLineage()))
                .setModelArtifact(later.getModelArtifact() != null ? later.getModelArtifact() : earlier.getModelArtifact())
                .setDatasetDependencies(later.getDatasetDependencies().isEmpty() ? earlier.getDatasetDependencies() : later.getDatasetDependencies())
                .setSymlinks(later.getSymlinks().isEmpty() ? earlier.getSymlinks() : later.getSymlinks())
                .setDatasetType(later.getDatasetType() != null ? later.getDatasetType() : earlier.getDatasetType())
                .setDatasetSubType(later.getDatasetSubType() != null ? later.getDatasetSubType() : earlier.getDatasetSubType())
                .setDescription(later.getDescription() != null ? later.getDescription() : earlier.getDescription())
                .setCatalog(later.getCatalog() != null ? later.getCatalog() : earlier.getCatalog())
                .setTags(later.getTags().isEmpty() ? earlier.getTags() : later.getTags())
                .setOwners(later.getOwners().isEmpty() ? earlier.getOwners() : later.getOwners())
                .setStatistics(later.getStatistics() != null ? later.getStatistics() : earlier.getStatistics())
                .setQuality(later.getQuality() != null ? later.getQuality() : earlier.getQuality())
                .build();
    }
}
