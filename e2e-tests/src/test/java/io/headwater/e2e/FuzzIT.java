package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Fuzzing on the real platform, with QuickTheories (fixed seeds, so a failure repeats): real OpenLineage events (Spark, Airflow, dbt) and serving
 * inputs, mutated (fields dropped, values of the wrong type, odd strings and numbers, impossible times,
 * bad schema references, cut or corrupted text), sent to every ingest endpoint and written to the
 * Kafka transport topics. Every answer comes within the timeout (no hang), none is a 5xx, every refusal
 * is problem+json 4xx; every accepted event is in the graph afterwards, and every transport record is
 * either stored or dead-lettered with a reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzIT {

    static final int HTTP_EXAMPLES = Integer.getInteger("headwater.fuzz.http", 10_000);
    static final int TRANSPORT_EXAMPLES = Integer.getInteger("headwater.fuzz.transport", 2_000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration NO_HANG = Duration.ofSeconds(30);
    private static final List<String> LINEAGE_SEEDS = new ArrayList<>();
    private static final List<String> DECISION_SEEDS = List.of(
            """
            {"decisionId":"d-1","modelName":"churn","modelVersion":"3","decisionTime":"2026-11-26T10:15:00Z",
             "inputsHash":"sha256:9f86d081","output":{"churn":true,"score":0.87},"subjectId":"customer-42","metadata":{"requestId":"r-77"}}""",
            """
            {"decisionId":"d-2","modelName":"fraud","modelVersion":"1.2.0","decisionTime":"2026-11-26T11:00:00.123456Z","output":0.12}""");
    private static final List<String> MONITORING_SEEDS = List.of("""
            {"modelName":"churn","modelVersion":"3","windowStart":"2026-11-26T10:00:00Z","windowEnd":"2026-11-26T11:00:00Z",
             "sampleCount":1000,"features":[{"feature":"age","kind":"NUMERIC","binEdges":[18,30,45,60,90],"counts":[210,340,280,170]},
             {"feature":"plan","kind":"CATEGORICAL","categories":{"basic":600,"pro":400}}],
             "prediction":{"feature":"__prediction__","kind":"CATEGORICAL","categories":{"true":130,"false":870}},
             "qualityMetrics":{"accuracy":0.91}}""");
    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "\u0000", "\uFEFF", "\uD83D\uDE00", "é\u0301", "\\", "\"",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2026-13-45T25:61:61Z", "2026-11-26T03:14:12.618+25:00", "9999-12-31T23:59:59.999999999Z", "2026-11-26",
            "https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/Nope", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/Nope",
            "http://[bad", "urn:x", "00000000-0000-0000-0000-000000000000", "01a215d8-b242-752e-8681-58dc1af79577",
            "START", "COMPLETE", "FAIL", "RUNNING", "OTHER", "abort", "CATEGORICAL", "NUMERIC", "x".repeat(70_000), "ü".repeat(20_000),
            "dataset:file:/x", "job:a:b", "\u202Eevil", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "${jndi:ldap://127.0.0.1/a}");
    private static final List<Object> ODD_NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            1e308, -1e308, 4.9e-324, 0.1, -0.0, new java.math.BigInteger("123456789012345678901234567890"), new java.math.BigDecimal("1e400"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();
    /** What ingest accepted, to be found in the graph afterwards: "run:<id>", "job:<ns>:<name>", "dataset:<ns>:<name>", "decision:<id>". */
    private static final Set<String> acceptedFacts = Collections.synchronizedSet(new HashSet<>());
    /** Transport records by key, with the facts they would make when stored. */
    private static final Map<String, List<String>> transportRecords = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private static final AtomicInteger statuses2xx = new AtomicInteger();
    private static final AtomicInteger statuses4xx = new AtomicInteger();
    private static final AtomicInteger busy = new AtomicInteger();
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws IOException {
        for (String set : List.of("spark-captured", "spark", "airflow", "dbt")) {
            for (Path event : Fixtures.events(set)) {
                LINEAGE_SEEDS.add(Files.readString(event));
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.platform().kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void verify() throws Exception {
        System.out.printf("fuzz: %d accepted, %d refused with a problem, %d told to retry (503); %d facts and %d transport records to find%n",
                statuses2xx.get(), statuses4xx.get(), busy.get(), acceptedFacts.size(), transportRecords.size());
        producer.close();
        assertThat(statuses2xx.get()).as("the mutations leave many events valid").isGreaterThan(100);
        assertThat(statuses4xx.get()).as("and make many invalid").isGreaterThan(100);
        // Every transport record is stored (its facts in the graph) or dead-lettered with a reason.
        Map<String, String> deadLettered = new java.util.HashMap<>();
        List<ConsumerRecord<String, byte[]>> letters = TopicReader.raw(PLATFORM.platform().kafka.bootstrapServers(), Topics.DEAD_LETTER.name(),
                read -> read.stream().filter(r -> r.key() != null && transportRecords.containsKey(r.key())).count() >= transportRecords.size(),
                Duration.ofSeconds(20));
        for (ConsumerRecord<String, byte[]> letter : letters) {
            var reason = letter.headers().lastHeader("headwater.reason");
            if (letter.key() != null) {
                deadLettered.put(letter.key(), reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
            }
        }
        List<String> unaccounted = new ArrayList<>();
        synchronized (transportRecords) {
            transportRecords.forEach((key, facts) -> {
                if (deadLettered.containsKey(key)) {
                    assertThat(deadLettered.get(key)).as("the dead letter of " + key + " says why").isNotBlank();
                } else {
                    acceptedFacts.addAll(facts);
                    if (facts.isEmpty()) {
                        unaccounted.add(key);
                    }
                }
            });
        }
        assertThat(unaccounted).as("transport records neither dead-lettered nor stored").isEmpty();
        List<String> missing = new ArrayList<>(acceptedFacts);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(FuzzIT::inGraph);
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        System.out.printf("fuzz: %d accepted facts checked in the graph, %d missing%n", acceptedFacts.size(), missing.size());
        assertThat(missing).as("accepted events missing from the graph").isEmpty();
    }

    @Test
    @Order(1)
    void everyHttpInputIsStoredOrRefusedWithAProblem() {
        qt().withExamples(HTTP_EXAMPLES).withFixedSeed(20261201L).withShrinkCycles(0).withGenerateAttempts(HTTP_EXAMPLES * 10)
                .forAll(httpRequests()).checkAssert(FuzzIT::storedOrRefused);
    }

    @Test
    @Order(2)
    void everyTransportRecordIsStoredOrDeadLettered() {
        qt().withExamples(TRANSPORT_EXAMPLES).withFixedSeed(20261202L).withShrinkCycles(0).withGenerateAttempts(TRANSPORT_EXAMPLES * 10)
                .forAll(transportRecords()).checkAssert(FuzzIT::written);
    }

    private static void storedOrRefused(Request request) {
        try {
            check(request);
        } catch (Exception e) {
            throw new AssertionError(request.describe(), e);
        }
    }

    private static void check(Request request) throws Exception {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        assertThat(status).as(request.describe() + " -> " + response.body()).isLessThan(500);
        if (status / 100 == 2) {
            statuses2xx.incrementAndGet();
            acceptedFacts.addAll(accepted(request, response));
        } else {
            statuses4xx.incrementAndGet();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(request.describe()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
    }

    private static void written(Request record) {
        String key = "fuzz-" + transportRecords.size() + "-" + System.nanoTime();
        String topic = switch (record.endpoint()) {
            case DECISIONS -> Topics.DECISIONS_IN.name();
            case MONITORING -> Topics.MONITORING_IN.name();
            default -> Topics.OPENLINEAGE_IN.name();
        };
        transportRecords.put(key, facts(record));
        try {
            producer.send(new ProducerRecord<>(topic, key, record.body())).get();
        } catch (Exception e) {
            throw new AssertionError("could not write a transport record", e);
        }
    }

    enum Endpoint { LINEAGE, BATCH, NDJSON, DECISIONS, MONITORING }

    record Request(Endpoint endpoint, byte[] body, List<String> items, String mutation) {
        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return endpoint + " [" + mutation + "] " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private static Gen<Request> httpRequests() {
        Gen<Endpoint> endpoints = Generate.frequency(List.of(Pair.of(50, Generate.constant(Endpoint.LINEAGE)),
                Pair.of(12, Generate.constant(Endpoint.BATCH)), Pair.of(8, Generate.constant(Endpoint.NDJSON)),
                Pair.of(18, Generate.constant(Endpoint.DECISIONS)), Pair.of(12, Generate.constant(Endpoint.MONITORING))));
        return endpoints.flatMap(FuzzIT::request);
    }

    private static Gen<Request> transportRecords() {
        return Generate.pick(List.of(Endpoint.LINEAGE, Endpoint.LINEAGE, Endpoint.DECISIONS, Endpoint.MONITORING)).flatMap(FuzzIT::request);
    }

    private static Gen<Request> request(Endpoint endpoint) {
        List<String> seeds = switch (endpoint) {
            case DECISIONS -> DECISION_SEEDS;
            case MONITORING -> MONITORING_SEEDS;
            default -> LINEAGE_SEEDS;
        };
        Gen<Mutated> one = mutated(seeds);
        if (endpoint == Endpoint.BATCH || endpoint == Endpoint.NDJSON) {
            return lists().of(one).ofSizeBetween(1, 4).map(items -> {
                List<String> texts = items.stream().map(Mutated::text).toList();
                String body = endpoint == Endpoint.NDJSON ? String.join("\n", texts.stream().map(t -> t.replace("\n", " ")).toList())
                        : "[" + String.join(",", texts) + "]";
                return new Request(endpoint, body.getBytes(StandardCharsets.UTF_8), texts,
                        String.join("; ", items.stream().map(Mutated::mutation).toList()));
            });
        }
        return one.map(m -> new Request(endpoint, m.bytes(), List.of(m.text()), m.mutation()));
    }

    /** A seed with zero to three mutations of its tree, and sometimes of its text. */
    record Mutated(String text, byte[] bytes, String mutation) {
    }

    private static Gen<Mutated> mutated(List<String> seeds) {
        Gen<String> seed = Generate.pick(seeds);
        Gen<List<TreeMutation>> treeMutations = lists().of(treeMutation()).ofSizeBetween(0, 3);
        // Most examples get ids of their own, so that each accepted one must show up in the graph by itself.
        Gen<Long> identity = Generate.longRange(0, Long.MAX_VALUE);
        return seed.zip(treeMutations, textMutation(), identity, (text, mutations, textual, id) -> {
            JsonNode tree = parse(text);
            StringBuilder what = new StringBuilder();
            if (id % 10 < 8) {
                freshIds(tree, id);
            }
            for (TreeMutation m : mutations) {
                tree = m.apply().apply(tree, what);
            }
            byte[] bytes = textual.apply().apply(tree.toString().getBytes(StandardCharsets.UTF_8), what);
            return new Mutated(new String(bytes, StandardCharsets.UTF_8), bytes, what.isEmpty() ? "unchanged" : what.toString());
        });
    }

    private static void freshIds(JsonNode tree, long id) {
        if (tree.path("run").path("runId").isTextual()) {
            ((ObjectNode) tree.get("run")).put("runId", new java.util.UUID(id, ~id).toString());
        }
        if (tree.path("decisionId").isTextual()) {
            ((ObjectNode) tree).put("decisionId", "fuzz-" + Long.toHexString(id));
        }
    }

    record TreeMutation(BiFunction<JsonNode, StringBuilder, JsonNode> apply) {
    }

    record TextMutation(BiFunction<byte[], StringBuilder, byte[]> apply) {
    }

    private static Gen<JsonNode> oddValue() {
        return Generate.frequency(List.of(
                Pair.of(4, Generate.pick(ODD_STRINGS).map(v -> (JsonNode) JsonNodeFactory.instance.textNode(v))),
                Pair.of(2, strings().allPossible().ofLengthBetween(0, 40).map(v -> (JsonNode) JsonNodeFactory.instance.textNode(v))),
                Pair.of(2, Generate.pick(ODD_NUMBERS).map(FuzzIT::number)),
                Pair.of(2, Generate.pick(List.<JsonNode>of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.booleanNode(true),
                        JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode()))),
                Pair.of(1, Generate.range(1, 60).map(FuzzIT::nested)),
                Pair.of(1, Generate.pick(ODD_STRINGS).map(v -> (JsonNode) JSON.createObjectNode().put("_producer", "https://x").put("_schemaURL", v).put("v", v)))));
    }

    private static Gen<TreeMutation> treeMutation() {
        Gen<Integer> position = Generate.range(0, 10_000);
        return Generate.frequency(List.of(
                Pair.of(3, position.map(p -> new TreeMutation((tree, what) -> remove(tree, p, what)))),
                Pair.of(5, position.zip(oddValue(), (p, v) -> new TreeMutation((tree, what) -> replace(tree, p, v, what)))),
                Pair.of(1, position.zip(Generate.range(2, 200), (p, n) -> new TreeMutation((tree, what) -> repeat(tree, p, n, what)))),
                Pair.of(1, strings().basicLatinAlphabet().ofLengthBetween(1, 12).zip(oddValue(),
                        (name, v) -> new TreeMutation((tree, what) -> addFacet(tree, name, v, what))))));
    }

    private static Gen<TextMutation> textMutation() {
        Gen<Integer> position = Generate.range(0, 1_000_000);
        return Generate.frequency(List.of(
                Pair.of(85, Generate.constant(new TextMutation((bytes, what) -> bytes))),
                Pair.of(5, position.map(p -> new TextMutation((bytes, what) -> {
                    what.append("cut at ").append(p % Math.max(1, bytes.length)).append("; ");
                    return java.util.Arrays.copyOf(bytes, p % Math.max(1, bytes.length));
                }))),
                Pair.of(5, position.zip(Generate.range(0, 255), (p, b) -> new TextMutation((bytes, what) -> {
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[p % copy.length] = (byte) (int) b;
                        what.append("byte ").append(p % copy.length).append(" = ").append(b).append("; ");
                    }
                    return copy;
                }))),
                Pair.of(5, Generate.pick(List.of("", "null", "[]", "{}", "[[[[", "\"x\"", "123", "{\"a\":}", "\uFEFF{}"))
                        .map(t -> new TextMutation((bytes, what) -> {
                            what.append("body '").append(t).append("'; ");
                            return t.getBytes(StandardCharsets.UTF_8);
                        })))));
    }

    // --- tree mutations: each picks the node at (position modulo the number of nodes), walking the tree in order ---

    private static JsonNode remove(JsonNode tree, int position, StringBuilder what) {
        List<String[]> fields = new ArrayList<>();
        collectFields(tree, "", fields);
        if (fields.isEmpty()) {
            return tree;
        }
        String[] field = fields.get(position % fields.size());
        JsonNode parent = field[0].isEmpty() ? tree : tree.at(field[0]);
        if (parent instanceof ObjectNode object) {
            object.remove(field[1]);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(field[1]));
        }
        what.append("removed ").append(field[0]).append('/').append(field[1]).append("; ");
        return tree;
    }

    private static JsonNode replace(JsonNode tree, int position, JsonNode value, StringBuilder what) {
        List<String[]> fields = new ArrayList<>();
        collectFields(tree, "", fields);
        if (fields.isEmpty()) {
            return value;
        }
        String[] field = fields.get(position % fields.size());
        JsonNode parent = field[0].isEmpty() ? tree : tree.at(field[0]);
        if (parent instanceof ObjectNode object) {
            object.set(field[1], value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field[1]), value.deepCopy());
        }
        String shown = value.toString();
        what.append("set ").append(field[0]).append('/').append(field[1]).append(" = ")
                .append(shown.length() > 60 ? shown.substring(0, 60) + "…" : shown).append("; ");
        return tree;
    }

    private static JsonNode repeat(JsonNode tree, int position, int times, StringBuilder what) {
        List<ArrayNode> arrays = new ArrayList<>();
        collectArrays(tree, arrays);
        arrays.removeIf(a -> a.isEmpty());
        if (arrays.isEmpty()) {
            return tree;
        }
        ArrayNode array = arrays.get(position % arrays.size());
        JsonNode first = array.get(0);
        for (int i = 0; i < times; i++) {
            array.add(first.deepCopy());
        }
        what.append("repeated an array element ").append(times).append(" times; ");
        return tree;
    }

    private static JsonNode addFacet(JsonNode tree, String name, JsonNode value, StringBuilder what) {
        if (tree.path("run").isObject()) {
            JsonNode facets = tree.path("run").path("facets");
            ObjectNode holder = facets.isObject() ? (ObjectNode) facets : ((ObjectNode) tree.path("run")).putObject("facets");
            holder.set(name, value.deepCopy());
            what.append("run facet ").append(name).append("; ");
        }
        return tree;
    }

    private static void collectFields(JsonNode node, String pointer, List<String[]> out) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(new String[]{pointer, name});
                collectFields(object.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new String[]{pointer, Integer.toString(i)});
                collectFields(array.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void collectArrays(JsonNode node, List<ArrayNode> out) {
        if (node instanceof ArrayNode array) {
            out.add(array);
        }
        node.forEach(child -> collectArrays(child, out));
    }

    private static JsonNode number(Object n) {
        if (n instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i);
        }
        if (n instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l);
        }
        if (n instanceof Double d) {
            return JsonNodeFactory.instance.numberNode(d);
        }
        if (n instanceof java.math.BigInteger b) {
            return JsonNodeFactory.instance.numberNode(b);
        }
        return JsonNodeFactory.instance.numberNode((java.math.BigDecimal) n);
    }

    private static JsonNode nested(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("deep");
        for (int i = 0; i < depth; i++) {
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.set("n", node);
            node = wrapper;
        }
        return node;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- sending and checking ---

    private static HttpResponse<String> send(Request request) throws Exception {
        String path = switch (request.endpoint()) {
            case LINEAGE -> "/api/v1/lineage";
            case BATCH, NDJSON -> "/api/v1/lineage/batch";
            case DECISIONS -> "/api/v1/decisions";
            case MONITORING -> "/api/v1/monitoring";
        };
        String type = request.endpoint() == Endpoint.NDJSON ? "application/x-ndjson" : "application/json";
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.platform().ingest.url() + path)).timeout(NO_HANG)
                        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                // 503 is the platform asking to come back later (memory for bodies, Kafka): allowed, retried.
                if (response.statusCode() == 503 && attempt < 5) {
                    busy.incrementAndGet();
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    Thread.sleep(500);
                    continue;
                }
                return response;
            } catch (HttpTimeoutException e) {
                throw new AssertionError("no answer within " + NO_HANG + " (a hang): " + request.describe(), e);
            }
        }
    }

    /** The graph facts an accepted request makes (for a batch, those of the items it accepted). */
    private static List<String> accepted(Request request, HttpResponse<String> response) throws IOException {
        if (request.endpoint() == Endpoint.BATCH || request.endpoint() == Endpoint.NDJSON) {
            List<String> facts = new ArrayList<>();
            JsonNode results = JSON.readTree(response.body()).path("results");
            List<String> items = request.endpoint() == Endpoint.NDJSON
                    ? request.items().stream().map(t -> t.replace("\n", " ")).filter(t -> !t.isBlank()).toList() : request.items();
            for (JsonNode result : results) {
                if ("accepted".equals(result.path("status").asText()) && result.path("index").asInt() < items.size()) {
                    facts.addAll(lineageFacts(parse(items.get(result.path("index").asInt()))));
                }
            }
            return facts;
        }
        return facts(request);
    }

    private static List<String> facts(Request request) {
        JsonNode json;
        try {
            json = JSON.readTree(request.body());
        } catch (IOException e) {
            return List.of();
        }
        return switch (request.endpoint()) {
            case DECISIONS -> json.isArray() ? java.util.stream.StreamSupport.stream(json.spliterator(), false)
                    .map(d -> "decision:" + d.path("decisionId").asText()).toList() : List.of("decision:" + json.path("decisionId").asText());
            // Monitoring windows are not graph nodes; an acknowledged window is in Kafka, which the 201 says.
            case MONITORING -> List.of("monitoring");
            default -> lineageFacts(json);
        };
    }

    private static List<String> lineageFacts(JsonNode event) {
        List<String> facts = new ArrayList<>();
        if (event.path("run").path("runId").isTextual() && !event.path("job").isMissingNode()) {
            facts.add("run:" + event.path("run").path("runId").asText());
        }
        if (event.path("dataset").isObject()) {
            facts.add("dataset:" + event.path("dataset").path("namespace").asText() + ":" + event.path("dataset").path("name").asText());
        }
        if (event.path("job").isObject() && facts.isEmpty()) {
            facts.add("job:" + event.path("job").path("namespace").asText() + ":" + event.path("job").path("name").asText());
        }
        return facts;
    }

    /** A path segment, percent-encoded (URLEncoder writes form encoding, where '+' is a space; in a path it is a '+'). */
    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean inGraph(String fact) {
        if (fact.equals("monitoring")) {
            return true;
        }
        String url;
        if (fact.startsWith("run:")) {
            url = "/api/v1/runs/" + pathSegment(fact.substring(4));
        } else if (fact.startsWith("decision:")) {
            url = "/api/v1/decisions/" + pathSegment(fact.substring(9));
        } else {
            url = "/api/v1/lineage?depth=0&nodeId=" + URLEncoder.encode(fact, StandardCharsets.UTF_8);
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.platform().query.url() + url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
