package io.headwater.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One run of a JVM training job, recorded as OpenLineage RunEvents with Headwater's facets:
 * <pre>{@code
 * TrainingRun.record("churn-train", "ml", run -> {
 *     run.param("learning_rate", 0.05);
 *     run.input("s3://lake/customers", "training", "v3");
 *     ... train ...
 *     run.metric("auc", 0.91, 20L);
 *     run.outputModel("churn", "7", "s3://models/churn/7");
 * });
 * }</pre>
 * START is sent when the run starts (with git and the environment), COMPLETE when it ends, FAIL
 * with the error message and stack trace when the body throws (the exception is thrown on). The
 * recorder itself never throws: its problems are logged, events ingest cannot take are spooled.
 */
public final class TrainingRun implements AutoCloseable {

    static final String PRODUCER = "https://github.com/headwater-dev/headwater/tree/0.1.0/clients/java";
    private static final String RUN_EVENT = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private static final String HEADWATER = "https://headwater.dev/spec/facets/1-0-0/";
    private static final String OPENLINEAGE = "https://openlineage.io/spec/facets/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger("io.headwater.client");

    /** The body of a recorded run. */
    @FunctionalInterface
    public interface Body {
        void run(TrainingRun run) throws Exception;
    }

    private final String job;
    private final String namespace;
    private final String runId;
    private final LineageTransport transport;
    private final EnvironmentCapture capture;
    private final Path workingDirectory;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Map<String, Object>> metrics = new ArrayList<>();
    private final Map<String, ObjectNode> inputs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> outputs = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private ObjectNode referenceProfile;
    private Optional<Map<String, Object>> git = Optional.empty();
    private Map<String, Object> environment;
    private boolean ended;

    private TrainingRun(String job, String namespace, LineageTransport transport, EnvironmentCapture capture, Path workingDirectory) {
        this.job = job;
        this.namespace = namespace;
        this.runId = uuid7();
        this.transport = transport;
        this.capture = capture;
        this.workingDirectory = workingDirectory;
    }

    /** Starts a run with the configuration from the environment; close() completes it. */
    public static TrainingRun start(String job, String namespace) {
        return start(job, namespace, new LineageTransport(ClientConfig.fromEnvironment()), new EnvironmentCapture(), Path.of("").toAbsolutePath());
    }

    public static TrainingRun start(String job, String namespace, LineageTransport transport, EnvironmentCapture capture, Path workingDirectory) {
        TrainingRun run = new TrainingRun(job, namespace, transport, capture, workingDirectory);
        run.begin();
        return run;
    }

    /** Runs the body as a recorded run: COMPLETE when it returns, FAIL when it throws (and the exception goes on). */
    public static void record(String job, String namespace, Body body) throws Exception {
        record(start(job, namespace), body);
    }

    public static void record(TrainingRun run, Body body) throws Exception {
        try {
            body.run(run);
        } catch (Exception | Error e) {
            run.fail(e);
            throw e;
        }
        run.complete();
    }

    public String runId() {
        return runId;
    }

    /** The events sent (or spooled) so far, as JSON. */
    public List<String> events() {
        return List.copyOf(sent);
    }

    public TrainingRun param(String name, Object value) {
        guard(() -> parameters.put(name, value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : String.valueOf(value)));
        return this;
    }

    public TrainingRun params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    public TrainingRun metric(String name, double value, Long step) {
        guard(() -> {
            if (!Double.isFinite(value)) {
                LOG.warning("headwater: metric " + name + "=" + value + " is not a finite number; not recorded");
                return;
            }
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", name);
            metric.put("value", value);
            if (step != null) {
                metric.put("step", step);
            }
            metric.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            metrics.add(metric);
        });
        return this;
    }

    /** A dataset read: role training / validation / test; version the exact version read (may be null). */
    public TrainingRun input(String uri, String role, String version) {
        guard(() -> {
            String[] name = DatasetNames.of(uri);
            ObjectNode dataset = JSON.createObjectNode().put("namespace", name[0]).put("name", name[1]);
            if (version != null) {
                dataset.putObject("facets").set("version", facet(OPENLINEAGE + "1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet")
                        .put("datasetVersion", version));
            }
            if (role != null) {
                dataset.putObject("inputFacets").set("headwater_datasetRole", facet(HEADWATER + "HeadwaterDatasetRoleInputDatasetFacet.json").put("role", role));
            }
            inputs.put(name[0] + "\u001f" + name[1], dataset);
        });
        return this;
    }

    /** The model version the run produced; decisions made with it are traced back to this run. */
    public TrainingRun outputModel(String name, String version, String uri) {
        guard(() -> {
            String[] location = DatasetNames.of(uri != null ? uri : "headwater://models/" + name + "/" + version);
            ObjectNode model = facet(HEADWATER + "HeadwaterModelArtifactDatasetFacet.json").put("name", name).put("version", version);
            if (uri != null) {
                model.put("uri", uri);
            }
            ObjectNode dataset = JSON.createObjectNode().put("namespace", location[0]).put("name", location[1]);
            dataset.putObject("facets").set("headwater_modelArtifact", model);
            outputs.put(location[0] + "\u001f" + location[1], dataset);
        });
        return this;
    }

    /** Training distributions ({@link Distribution}) that serving windows are compared with. */
    public TrainingRun referenceProfile(List<Map<String, Object>> features, Map<String, Object> prediction) {
        guard(() -> {
            ObjectNode profile = facet(HEADWATER + "HeadwaterReferenceProfileRunFacet.json");
            profile.set("features", JSON.valueToTree(features));
            if (prediction != null) {
                profile.set("prediction", JSON.valueToTree(prediction));
            }
            referenceProfile = profile;
        });
        return this;
    }

    public void complete() {
        if (!ended) {
            ended = true;
            emit("COMPLETE", null);
        }
    }

    public void fail(Throwable error) {
        if (ended) {
            return;
        }
        ended = true;
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String message = error.getMessage() == null ? error.getClass().getName() : error.getClass().getName() + ": " + error.getMessage();
        emit("FAIL", facet(OPENLINEAGE + "1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet")
                .put("message", message).put("programmingLanguage", "java").put("stackTrace", trace.toString()));
    }

    /** Completes the run unless it already ended (fail() first to record a failure). */
    @Override
    public void close() {
        complete();
    }

    private void begin() {
        guard(() -> {
            git = capture.git(workingDirectory);
            environment = capture.environment(git);
        });
        emit("START", null);
    }

    private void emit(String type, ObjectNode error) {
        guard(() -> {
            String event = JSON.writeValueAsString(event(type, error));
            sent.add(event);
            transport.emit(event);
        });
    }

    private ObjectNode event(String type, ObjectNode error) {
        ObjectNode event = JSON.createObjectNode().put("eventType", type).put("eventTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("producer", PRODUCER).put("schemaURL", RUN_EVENT);
        ObjectNode run = event.putObject("run").put("runId", runId);
        ObjectNode runFacets = run.putObject("facets");
        if (environment != null) {
            ObjectNode env = facet(HEADWATER + "HeadwaterEnvironmentRunFacet.json");
            env.setAll((ObjectNode) JSON.valueToTree(environment));
            runFacets.set("headwater_environment", env);
        }
        if (!parameters.isEmpty()) {
            runFacets.set("headwater_parameters", facet(HEADWATER + "HeadwaterParametersRunFacet.json").set("parameters", JSON.valueToTree(parameters)));
        }
        if (!metrics.isEmpty()) {
            runFacets.set("headwater_metrics", facet(HEADWATER + "HeadwaterMetricsRunFacet.json").set("metrics", JSON.valueToTree(metrics)));
        }
        if (referenceProfile != null) {
            runFacets.set("headwater_referenceProfile", referenceProfile);
        }
        if (error != null) {
            runFacets.set("errorMessage", error);
        }
        ObjectNode jobNode = event.putObject("job").put("namespace", namespace).put("name", job);
        ObjectNode jobFacets = jobNode.putObject("facets");
        jobFacets.set("jobType", facet(OPENLINEAGE + "2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet")
                .put("processingType", "BATCH").put("integration", "HEADWATER").put("jobType", "TRAINING"));
        git.filter(g -> g.get("commit") != null).ifPresent(g -> {
            String remote = g.get("remote") != null ? (String) g.get("remote") : "file://" + g.get("root");
            ObjectNode location = facet(OPENLINEAGE + "1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet")
                    .put("type", "git").put("url", browseUrl(remote)).put("repoUrl", remote).put("version", (String) g.get("commit"));
            if (g.get("branch") != null) {
                location.put("branch", (String) g.get("branch"));
            }
            Path root = Path.of((String) g.get("root"));
            if (workingDirectory.startsWith(root)) {
                String relative = root.relativize(workingDirectory).toString();
                location.put("path", relative.isEmpty() ? "." : relative);
            }
            jobFacets.set("sourceCodeLocation", location);
        });
        ArrayNode in = event.putArray("inputs");
        inputs.values().forEach(in::add);
        ArrayNode out = event.putArray("outputs");
        if ("COMPLETE".equals(type)) {
            outputs.values().forEach(out::add);
        }
        return event;
    }

    private static ObjectNode facet(String schemaUrl) {
        return JSON.createObjectNode().put("_producer", PRODUCER).put("_schemaURL", schemaUrl);
    }

    private static String browseUrl(String remote) {
        String url = remote;
        if (url.startsWith("git@") && url.contains(":")) {
            url = "https://" + url.substring(4).replaceFirst(":", "/");
        }
        return url.endsWith(".git") ? url.substring(0, url.length() - 4) : url;
    }

    /** A time-ordered UUID (version 7), as OpenLineage recommends for run ids. */
    static String uuid7() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** The recorder never breaks the job: its own failures are logged. */
    private static void guard(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.severe("headwater: " + e.getMessage());
        }
    }
}
