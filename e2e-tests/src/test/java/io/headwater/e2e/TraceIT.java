package io.headwater.e2e;

import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import io.headwater.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One event followed from the HTTP request to the graph: the caller's W3C traceparent is continued by ingest (its own
 * span, in the answer), travels with the event on the lineage topic, and Kafka Streams carries it to the run's node on
 * the graph topic. A request without one starts a trace.
 */
class TraceIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    private static String trace(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    @Test
    void anEventsTraceReachesItsRunsNodeOnTheGraph() {
        String run = UUID.randomUUID().toString();
        Http.Response answer = PLATFORM.http().send("POST", PLATFORM.platform().ingest.url() + "/api/v1/lineage",
                RunEvents.run("START", run, Instant.now().minusSeconds(5)).job("ml", "traced").json(), "traceparent", CALLER).expect(201);
        String ingestSpan = answer.header("traceparent").orElseThrow();
        assertThat(ingestSpan).startsWith("00-" + TRACE_ID + "-").endsWith("-01").isNotEqualTo(CALLER);

        String bootstrap = PLATFORM.platform().kafka.bootstrapServers();
        String registry = PLATFORM.platform().registry.url();
        List<ConsumerRecord<String, LineageEvent>> events = TopicReader.avro(bootstrap, registry, Topics.LINEAGE.name(), LineageEvent.class,
                read -> read.stream().anyMatch(r -> run.equals(r.value().getRun() == null ? null : r.value().getRun().getRunId())), Duration.ofSeconds(30));
        assertThat(events.stream().filter(r -> run.equals(r.value().getRun().getRunId())).map(TraceIT::trace)).containsExactly(ingestSpan);

        String runNode = NodeId.run(run).value();
        List<ConsumerRecord<String, GraphNode>> nodes = TopicReader.avro(bootstrap, registry, Topics.GRAPH_NODES.name(), GraphNode.class,
                read -> read.stream().anyMatch(r -> runNode.equals(r.key())), Duration.ofSeconds(60));
        assertThat(nodes.stream().filter(r -> runNode.equals(r.key())).map(TraceIT::trace)).isNotEmpty().allMatch(ingestSpan::equals);
    }

    @Test
    void aRequestWithoutATraceStartsOne() {
        String decision = "{\"decisionId\":\"traced-" + UUID.randomUUID() + "\",\"modelName\":\"m\",\"modelVersion\":\"1\","
                + "\"decisionTime\":\"" + Instant.now().minusSeconds(5) + "\",\"output\":1}";
        String first = PLATFORM.ingest("/api/v1/decisions", decision).expect(201).header("traceparent").orElseThrow();
        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        // Not valid (all-zero trace id): a new trace, not an echo.
        String started = PLATFORM.http().send("POST", PLATFORM.platform().ingest.url() + "/api/v1/decisions", decision,
                "traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01").expect(201).header("traceparent").orElseThrow();
        assertThat(started).doesNotContain("0".repeat(32)).isNotEqualTo(first);
    }
}
