package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.ColumnLineage;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.Environment;
import io.headwater.avro.ErrorInfo;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.Gpu;
import io.headwater.avro.InputField;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.Metric;
import io.headwater.avro.ModelArtifact;
import io.headwater.avro.PackageVersion;
import io.headwater.avro.RunInfo;
import io.headwater.avro.RunRef;
import io.headwater.avro.RunState;
import io.headwater.avro.SchemaField;
import io.headwater.avro.SourceCodeLocation;
import io.headwater.contract.Times;
import io.headwater.contract.graph.NodeId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated OpenLineage event into the Avro {@link LineageEvent}: the facets Headwater
 * reads become typed fields, and the event itself is kept verbatim in {@code rawJson}.
 */
public final class LineageEventNormalizer {

    public LineageEvent normalize(JsonNode event, String rawJson, Instant receivedAt) {
        LineageEventKind kind = EventKind.of(event);
        DatasetNames names = DatasetNames.of(event);
        LineageEvent.Builder out = LineageEvent.newBuilder()
                .setKind(kind)
                .setEventTime(instant(event.get("eventTime").asText()))
                .setProducer(event.get("producer").asText())
                .setSchemaURL(event.path("schemaURL").asText(""))
                .setRawJson(rawJson)
                .setReceivedAt(Times.micros(receivedAt))
                .setInputs(datasets(event.get("inputs"), true, names))
                .setOutputs(datasets(event.get("outputs"), false, names));
        if (kind == LineageEventKind.RUN) {
            out.setEventType(state(event.path("eventType").asText(null)));
            out.setRun(run(event.get("run")));
        }
        if (event.has("job")) {
            out.setJob(job(event.get("job")));
        }
        if (kind == LineageEventKind.DATASET) {
            out.setDataset(dataset(event.get("dataset"), false, names));
        }
        out.setEventId(EventIds.of(event));
        return out.build();
    }

    /**
     * The Kafka key: a run event's own run id, which is what lineage-streams folds it by, so it needs no
     * re-key on its way there (and a large Spark application's jobs spread over partitions instead of all
     * landing on its root run's). A run's events share a partition and keep their order.
     */
    public static String partitionKey(LineageEvent event) {
        if (event.getRun() != null) {
            return event.getRun().getRunId();
        }
        if (event.getDataset() != null) {
            return NodeId.dataset(event.getDataset().getNamespace(), event.getDataset().getName()).value();
        }
        return NodeId.job(event.getJob().getNamespace(), event.getJob().getName()).value();
    }

    private static RunState state(String eventType) {
        if (eventType == null) {
            return null;
        }
        return RunState.valueOf(eventType);
    }

    private static RunInfo run(JsonNode run) {
        JsonNode facets = run.path("facets");
        RunInfo.Builder out = RunInfo.newBuilder().setRunId(run.get("runId").asText());
        JsonNode parent = facets.path(Facets.PARENT);
        if (parent.isObject() && !parent.path("_deleted").asBoolean(false)) {
            out.setParent(runRef(parent));
            if (parent.has("root")) {
                out.setRoot(runRef(parent.get("root")));
            }
        }
        JsonNode error = facets.path(Facets.ERROR_MESSAGE);
        if (error.has("message")) {
            out.setError(ErrorInfo.newBuilder()
                    .setMessage(error.get("message").asText())
                    .setProgrammingLanguage(text(error, "programmingLanguage"))
                    .setStackTrace(text(error, "stackTrace"))
                    .build());
        }
        JsonNode nominal = facets.path(Facets.NOMINAL_TIME);
        if (nominal.hasNonNull("nominalStartTime")) {
            out.setNominalStartTime(instant(nominal.get("nominalStartTime").asText()));
        }
        if (nominal.hasNonNull("nominalEndTime")) {
            out.setNominalEndTime(instant(nominal.get("nominalEndTime").asText()));
        }
        out.setParameters(parameters(facets));
        out.setMetrics(metrics(facets.path(Facets.Headwater.METRICS.key()).path("metrics")));
        out.setEnvironment(environment(facets.path(Facets.Headwater.ENVIRONMENT.key())));
        out.setReferenceProfile(referenceProfile(facets.path(Facets.Headwater.REFERENCE_PROFILE.key())));
        out.setTags(OwnershipAndTags.tags(facets));
        return out.build();
    }

    private static RunRef runRef(JsonNode ref) {
        return RunRef.newBuilder()
                .setRunId(text(ref.path("run"), "runId"))
                .setJobNamespace(ref.path("job").path("namespace").asText(""))
                .setJobName(ref.path("job").path("name").asText(""))
                .build();
    }

    /** OpenLineage's executionParameters and Headwater's parameters facet, the latter winning on a clash. */
    private static Map<String, String> parameters(JsonNode facets) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : facets.path(Facets.EXECUTION_PARAMETERS).path("parameters")) {
            if (parameter.hasNonNull("key")) {
                parameters.put(parameter.get("key").asText(), parameter.path("value").asText(""));
            }
        }
        facets.path(Facets.Headwater.PARAMETERS.key()).path("parameters").fields()
                .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return parameters;
    }

    private static List<Metric> metrics(JsonNode metrics) {
        List<Metric> out = new ArrayList<>();
        for (JsonNode metric : metrics) {
            if (!metric.hasNonNull("name") || !metric.path("value").isNumber()) {
                continue;
            }
            out.add(Metric.newBuilder()
                    .setName(metric.get("name").asText())
                    .setValue(metric.get("value").asDouble())
                    .setStep(metric.hasNonNull("step") ? metric.get("step").asLong() : null)
                    .setTimestamp(metric.hasNonNull("timestamp") ? instant(metric.get("timestamp").asText()) : null)
                    .build());
        }
        return out;
    }

    private static Environment environment(JsonNode facet) {
        if (!facet.isObject()) {
            return null;
        }
        List<PackageVersion> packages = new ArrayList<>();
        for (JsonNode p : facet.path("packages")) {
            packages.add(new PackageVersion(p.path("name").asText(), p.path("version").asText("")));
        }
        List<Gpu> gpus = new ArrayList<>();
        for (JsonNode g : facet.path("gpus")) {
            gpus.add(Gpu.newBuilder()
                    .setModel(g.path("model").asText())
                    .setDriverVersion(text(g, "driverVersion"))
                    .setCudaVersion(text(g, "cudaVersion"))
                    .setMemoryMiB(g.path("memoryMiB").isNumber() ? g.get("memoryMiB").asLong() : null)
                    .build());
        }
        return Environment.newBuilder()
                .setRuntimeName(text(facet.path("runtime"), "name"))
                .setRuntimeVersion(text(facet.path("runtime"), "version"))
                .setOs(text(facet, "os"))
                .setContainerImage(text(facet, "containerImage"))
                .setImageDigest(text(facet, "imageDigest"))
                .setPackages(packages)
                .setGpus(gpus)
                .setSourceDirty(facet.path("sourceDirty").isBoolean() ? facet.get("sourceDirty").asBoolean() : null)
                .build();
    }

    private static List<FeatureDistribution> referenceProfile(JsonNode facet) {
        List<FeatureDistribution> out = new ArrayList<>();
        for (JsonNode feature : facet.path("features")) {
            out.add(FeatureDistributions.fromJson(feature));
        }
        if (facet.path("prediction").isObject()) {
            FeatureDistribution prediction = FeatureDistributions.fromJson(facet.get("prediction"));
            prediction.setFeature("__prediction__");
            out.add(prediction);
        }
        return out;
    }

    private static JobInfo job(JsonNode job) {
        JsonNode facets = job.path("facets");
        JobInfo.Builder out = JobInfo.newBuilder()
                .setNamespace(job.get("namespace").asText())
                .setName(job.get("name").asText());
        JsonNode location = facets.path(Facets.SOURCE_CODE_LOCATION);
        if (location.isObject() && !location.path("_deleted").asBoolean(false)) {
            out.setSourceCode(SourceCodeLocation.newBuilder()
                    .setType(text(location, "type"))
                    .setUrl(text(location, "url"))
                    .setRepoUrl(text(location, "repoUrl"))
                    .setPath(text(location, "path"))
                    .setVersion(text(location, "version"))
                    .setBranch(text(location, "branch"))
                    .setTag(text(location, "tag"))
                    .build());
        }
        out.setSql(text(facets.path(Facets.SQL), "query"));
        out.setSourceCodeLanguage(text(facets.path(Facets.SOURCE_CODE), "language"));
        out.setSourceCodeText(text(facets.path(Facets.SOURCE_CODE), "sourceCode"));
        out.setJobType(text(facets.path(Facets.JOB_TYPE), "jobType"));
        out.setProcessingType(text(facets.path(Facets.JOB_TYPE), "processingType"));
        out.setIntegration(text(facets.path(Facets.JOB_TYPE), "integration"));
        out.setDescription(OwnershipAndTags.description(facets));
        out.setTags(OwnershipAndTags.tags(facets));
        out.setOwners(OwnershipAndTags.owners(facets));
        return out.build();
    }

    private static List<DatasetRef> datasets(JsonNode datasets, boolean inputs, DatasetNames names) {
        List<DatasetRef> out = new ArrayList<>();
        if (datasets != null && datasets.isArray()) {
            datasets.forEach(d -> out.add(dataset(d, inputs, names)));
        }
        return out;
    }

    private static DatasetRef dataset(JsonNode dataset, boolean input, DatasetNames names) {
        JsonNode facets = dataset.path("facets");
        List<SchemaField> fields = new ArrayList<>();
        for (JsonNode field : facets.path(Facets.SCHEMA).path("fields")) {
            fields.add(new SchemaField(field.path("name").asText(), text(field, "type"), text(field, "description")));
        }
        DatasetNames.Name name = names.canonical(dataset.get("namespace").asText(), dataset.get("name").asText());
        DatasetFacets measured = new DatasetFacets(dataset, input);
        JsonNode columnLineage = facets.path(Facets.COLUMN_LINEAGE);
        DatasetRef.Builder out = DatasetRef.newBuilder()
                .setNamespace(name.namespace())
                .setName(name.name())
                .setVersion(text(facets.path(Facets.VERSION), "datasetVersion"))
                .setFields(fields)
                .setColumnLineage(columnLineage(columnLineage, names))
                .setDatasetDependencies(inputFields(columnLineage.path("dataset"), null, names))
                .setSymlinks(names.symlinks(dataset))
                .setDatasetType(text(facets.path(Facets.DATASET_TYPE), "datasetType"))
                .setDatasetSubType(text(facets.path(Facets.DATASET_TYPE), "subType"))
                .setDescription(OwnershipAndTags.description(facets))
                .setCatalog(measured.catalog())
                .setTags(OwnershipAndTags.tags(facets))
                .setOwners(OwnershipAndTags.owners(facets))
                .setStatistics(measured.statistics())
                .setQuality(measured.quality());
        if (input) {
            out.setRole(text(dataset.path("inputFacets").path(Facets.Headwater.DATASET_ROLE.key()), "role"));
        }
        JsonNode model = facets.path(Facets.Headwater.MODEL_ARTIFACT.key());
        if (model.hasNonNull("name") && model.hasNonNull("version")) {
            out.setModelArtifact(ModelArtifact.newBuilder()
                    .setName(model.get("name").asText())
                    .setVersion(model.get("version").asText())
                    .setUri(text(model, "uri"))
                    .setDigest(text(model, "digest"))
                    .setFramework(text(model, "framework"))
                    .build());
        }
        return out.build();
    }

    private static List<ColumnLineage> columnLineage(JsonNode facet, DatasetNames names) {
        List<ColumnLineage> out = new ArrayList<>();
        facet.path("fields").fields().forEachRemaining(entry ->
                out.add(new ColumnLineage(entry.getKey(), inputFields(entry.getValue().path("inputFields"), text(entry.getValue(), "transformationType"), names))));
        return out;
    }

    /**
     * Input fields with their transformations as TYPE/SUBTYPE (DIRECT/IDENTITY, INDIRECT/FILTER); the
     * deprecated per-field transformationType stands in where an input lists none.
     */
    private static List<InputField> inputFields(JsonNode inputFields, String transformationType, DatasetNames names) {
        List<InputField> inputs = new ArrayList<>();
        for (JsonNode input : inputFields) {
            List<String> transformations = new ArrayList<>();
            for (JsonNode t : input.path("transformations")) {
                String type = t.path("type").asText("");
                String subtype = t.path("subtype").asText("");
                transformations.add(subtype.isEmpty() ? type : type + "/" + subtype);
            }
            if (transformations.isEmpty() && transformationType != null) {
                transformations.add(transformationType);
            }
            DatasetNames.Name dataset = names.canonical(input.path("namespace").asText(), input.path("name").asText());
            inputs.add(new InputField(dataset.namespace(), dataset.name(), input.path("field").asText(), transformations));
        }
        return inputs;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String isoDateTime) {
        return Times.parse(isoDateTime);
    }
}
