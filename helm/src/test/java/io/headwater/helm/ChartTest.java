package io.headwater.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart through Helm itself (embedded): lint --strict and template with the defaults and with each
 * documented example, every rendered object read into the Kubernetes model (generated from the Kubernetes
 * OpenAPI) with no field the model does not know, and assertions on what matters to a deployment.
 */
class ChartTest {

    private static final Path CHART = Path.of("headwater").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path temp;

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("examples"))) {
            List<String> names = new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
            names.add(0, "defaults");
            return names.stream();
        }
    }

    /** The chart's defaults with an example on top (the defaults alone need only the bootstrap address). */
    private JsonNode values(String example) throws IOException {
        ObjectNode values = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
        if (example.equals("defaults")) {
            ((ObjectNode) values.get("kafka")).put("bootstrapServers", "kafka-bootstrap.kafka:9092");
            return values;
        }
        return merge(values, YAML.readTree(CHART.resolve("examples").resolve(example).toFile()));
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (base instanceof ObjectNode object && over.isObject()) {
            over.fields().forEachRemaining(e -> object.set(e.getKey(), object.has(e.getKey()) ? merge(object.get(e.getKey()), e.getValue()) : e.getValue()));
            return object;
        }
        return over;
    }

    /** A copy of the chart whose values.yaml is these values: helm lint takes no values file. */
    private Path chartWith(JsonNode values) throws IOException {
        Path copy = temp.resolve("chart-" + System.nanoTime()).resolve("headwater");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        return copy;
    }

    private List<HasMetadata> render(JsonNode values) throws IOException {
        Path file = temp.resolve("values-" + System.nanoTime() + ".yaml");
        YAML.writeValue(file.toFile(), values);
        String manifest = new Helm(CHART).template().withName("hw").withNamespace("data").withKubeVersion("1.30.0").withValuesFile(file).call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(Serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void lintsStrictlyAndRendersOnlyFieldsKubernetesKnows(String example) throws IOException {
        JsonNode values = values(example);
        LintResult lint = new Helm(chartWith(values)).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        List<HasMetadata> objects = render(values);
        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "StatefulSet", "Service", "PodDisruptionBudget");
        for (HasMetadata object : objects) {
            if (!(object instanceof GenericKubernetesResource)) {
                assertThat(unknownFields(object, "")).as(object.getKind() + " " + object.getMetadata().getName()).isEmpty();
            }
            assertThat(object.getMetadata().getLabels()).as(object.getKind() + " labels").containsEntry("app.kubernetes.io/instance", "hw");
        }
    }

    @Test
    void theDefaultsRunEveryServiceAsAProductionDeploymentWants() throws IOException {
        List<HasMetadata> objects = render(values("defaults"));
        StatefulSet streams = one(objects, StatefulSet.class, "hw-headwater-lineage-streams");
        assertThat(streams.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(pvc -> assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("20Gi"));
        assertThat(streams.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(120L);
        Container streamsContainer = streams.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(streamsContainer)).containsEntry("HEADWATER_INSTANCE_ID", "$(POD_NAME)").containsEntry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap.kafka:9092")
                .containsEntry("HEADWATER_SCHEMA_REGISTRY_URL", "http://hw-headwater-schema-registry:8081")
                .containsEntry("HEADWATER_ROCKSDB_CACHE_BYTES", "268435456");

        StatefulSet query = one(objects, StatefulSet.class, "hw-headwater-query");
        assertThat(env(query.getSpec().getTemplate().getSpec().getContainers().get(0)))
                .containsEntry("HEADWATER_QUERY_ADVERTISED_HOST", "$(POD_NAME).hw-headwater-query-headless.$(POD_NAMESPACE).svc.cluster.local")
                .containsEntry("HEADWATER_ROCKSDB_CACHE_BYTES", "268435456");
        assertThat(query.getSpec().getServiceName()).isEqualTo("hw-headwater-query-headless");

        for (HasMetadata workload : objects) {
            PodSpec pod = podSpec(workload);
            if (pod == null) {
                continue;
            }
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(workload.getMetadata().getName()).isTrue();
                assertThat(container.getResources().getLimits()).as(workload.getMetadata().getName()).containsKey("memory");
                if (!(workload instanceof Job)) {
                    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                }
                assertThat(env(container).get("JAVA_TOOL_OPTIONS")).contains("MaxRAMPercentage");
            }
        }
        // The topics Job is a hook: Helm runs it before the services and leaves it out of the release's manifest.
        assertThat(objects).noneMatch(o -> o instanceof Job);
        ObjectNode plainJob = (ObjectNode) values("defaults");
        ((ObjectNode) plainJob.get("kafka").get("topics")).put("asHook", false);
        Job topics = one(render(plainJob), Job.class, "hw-headwater-topics");
        assertThat(topics.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("topics", "apply", "--partitions", "12", "--replication-factor", "3");
        assertThat(env(topics.getSpec().getTemplate().getSpec().getContainers().get(0))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap.kafka:9092");
        assertThat(Files.readString(CHART.resolve("templates/topics-job.yaml"))).contains("helm.sh/hook: pre-install,pre-upgrade");
        assertThat(objects).filteredOn(o -> o instanceof PodDisruptionBudget).hasSize(4)
                .allSatisfy(pdb -> assertThat(((PodDisruptionBudget) pdb).getSpec().getMinAvailable().getIntVal()).isEqualTo(1));
        assertThat(objects).extracting(HasMetadata::getKind).contains("HorizontalPodAutoscaler").doesNotContain("Ingress", "ServiceMonitor", "NetworkPolicy");
    }

    @Test
    void aSecuredClusterAndAnExternalRegistryComeFromSecretsByReferenceNeverByValue() throws IOException {
        List<HasMetadata> objects = render(values("external-secured-kafka.yaml"));
        assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
        assertThat(objects).noneMatch(o -> o.getMetadata().getName().endsWith("schema-registry"));
        assertThat(env(one(objects, Deployment.class, "hw-headwater-ingest").getSpec().getTemplate().getSpec().getContainers().get(0)))
                .as("an external registry gets its own credentials, never the shared service key").doesNotContainKey("HEADWATER_SCHEMA_REGISTRY_BEARER_TOKEN_FILE");
        Deployment ingest = one(objects, Deployment.class, "hw-headwater-ingest");
        Container container = ingest.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(container)).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "PLAIN")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG_FILE", "/etc/headwater/kafka/jaas")
                .containsEntry("KAFKA_CLIENT_DNS_LOOKUP", "use_all_dns_ips")
                .containsEntry("HEADWATER_SCHEMA_REGISTRY_URL", "https://psrc-12345.europe-west1.gcp.confluent.cloud")
                .containsEntry("HEADWATER_SCHEMA_REGISTRY_BASIC_AUTH_FILE", "/etc/headwater/registry/credentials");
        assertThat(ingest.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getSecret() != null)
                .anySatisfy(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("headwater-kafka"));
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/headwater/kafka");
            assertThat(m.getReadOnly()).isTrue();
        });
    }

    @Test
    void everyServiceGetsTheSharedServiceKeyFromASecretTheChartMakesOnceAndTheJobsDoNot() throws IOException {
        List<HasMetadata> objects = render(values("defaults"));
        // The Secret is a pre-install hook (made once, before the topics Job; upgrades leave it alone), so template leaves it out.
        assertThat(Files.readString(CHART.resolve("templates/service-key-secret.yaml"))).contains("helm.sh/hook: pre-install",
                "helm.sh/resource-policy: keep", "randAlphaNum 48");
        int services = 0;
        for (HasMetadata workload : objects) {
            PodSpec pod = podSpec(workload);
            if (pod == null) {
                continue;
            }
            services++;
            Map<String, String> env = env(pod.getContainers().get(0));
            assertThat(env).as(workload.getMetadata().getName()).containsEntry("HEADWATER_AUTH_MODE", "keys")
                    .containsEntry("HEADWATER_AUTH_SERVICE_KEY_FILE", "/etc/headwater/auth/service-key")
                    .containsEntry("HEADWATER_SCHEMA_REGISTRY_BEARER_TOKEN_FILE", "/etc/headwater/auth/service-key");
            assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getSecret()).isNotNull()
                    .satisfies(s -> assertThat(s.getSecretName()).isEqualTo("hw-headwater-service-key")));
        }
        assertThat(services).isEqualTo(4);
        ObjectNode plainJob = (ObjectNode) values("defaults");
        ((ObjectNode) plainJob.get("kafka").get("topics")).put("asHook", false);
        Job topics = one(render(plainJob), Job.class, "hw-headwater-topics");
        assertThat(topics.getSpec().getTemplate().getSpec().getVolumes()).as("a pre-install hook cannot mount a Secret the release makes")
                .noneMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().endsWith("service-key"));
        String adminJob = Files.readString(CHART.resolve("templates/admin-key-job.yaml"));
        assertThat(adminJob).contains("helm.sh/hook: post-install,post-upgrade").contains("args: [keys, ensure, --role, admin");

        ObjectNode monitored = (ObjectNode) values("defaults");
        ((ObjectNode) monitored.get("serviceMonitor")).put("enabled", true);
        ((ObjectNode) monitored.get("serviceMonitor").get("keySecret")).put("name", "prometheus-key");
        GenericKubernetesResource monitor = one(render(monitored), GenericKubernetesResource.class, "hw-headwater");
        assertThat(Serialization.asYaml(monitor)).contains("authorization:", "name: \"prometheus-key\"");
    }

    @Test
    void theDashboardShipsAsAConfigMapForGrafanasSidecarWhenAskedFor() throws IOException {
        assertThat(render(values("defaults"))).noneMatch(o -> o.getMetadata().getName().equals("hw-headwater-dashboard"));
        ObjectNode with = (ObjectNode) values("defaults");
        ((ObjectNode) with.get("grafanaDashboard")).put("enabled", true);
        io.fabric8.kubernetes.api.model.ConfigMap map = one(render(with), io.fabric8.kubernetes.api.model.ConfigMap.class, "hw-headwater-dashboard");
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = new ObjectMapper().readTree(map.getData().get("headwater.json"));
        assertThat(dashboard.path("uid").asText()).isEqualTo("headwater-overview");
        assertThat(dashboard.path("panels").size()).isGreaterThan(10);
        // The same file the repository holds, byte for byte (DashboardMetricsIT checks its metrics on a running platform).
        assertThat(map.getData().get("headwater.json").strip()).isEqualTo(Files.readString(CHART.resolve("dashboards/headwater.json")).strip());
    }

    @Test
    void theHaExampleSpreadsThreeOfEverythingAndKeepsTwoThroughADisruption() throws IOException {
        List<HasMetadata> objects = render(values("ha.yaml"));
        assertThat(one(objects, StatefulSet.class, "hw-headwater-lineage-streams").getSpec().getReplicas()).isEqualTo(3);
        assertThat(objects).filteredOn(o -> o instanceof PodDisruptionBudget && !o.getMetadata().getName().endsWith("schema-registry"))
                .allSatisfy(pdb -> assertThat(((PodDisruptionBudget) pdb).getSpec().getMinAvailable().getIntVal()).isEqualTo(2));
        assertThat(objects).extracting(HasMetadata::getKind).contains("Ingress", "ServiceMonitor", "NetworkPolicy");
    }

    @Test
    void valuesThatCannotWorkAreRefusedBeforeAnythingIsRendered() throws IOException {
        ObjectNode missing = (ObjectNode) values("defaults");
        ((ObjectNode) missing.get("kafka")).put("bootstrapServers", "");
        assertThatThrownBy(() -> render(missing)).hasMessageContaining("kafka.bootstrapServers is required");
        ObjectNode typo = (ObjectNode) values("defaults");
        ((ObjectNode) typo.get("kafka")).put("securityProtcol", "SSL");
        assertThatThrownBy(() -> render(typo)).hasMessageContaining("securityProtcol");
        ObjectNode external = (ObjectNode) values("defaults");
        ((ObjectNode) external.get("schemaRegistry")).put("deploy", false);
        assertThatThrownBy(() -> render(external)).hasMessageContaining("schemaRegistry.url is required");
    }

    @Test
    void theModelCheckCatchesAMisspelledOrMisplacedField() {
        HasMetadata typo = Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicaz: 2
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 5}
                """, HasMetadata.class);
        assertThat(unknownFields(typo, "")).hasSize(2).anySatisfy(f -> assertThat(f).contains("replicaz"))
                .anySatisfy(f -> assertThat(f).contains("periodSecond"));
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    private static PodSpec podSpec(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        }
        if (object instanceof Job j) {
            return j.getSpec().getTemplate().getSpec();
        }
        return null;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast).filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** Fields the model did not know (it keeps them in additionalProperties): a typo or a field of another API version. */
    private static List<String> unknownFields(Object value, String path) {
        List<String> unknown = new ArrayList<>();
        walk(value, path, unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            try {
                Object child = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    walk(child, path + "." + method.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
