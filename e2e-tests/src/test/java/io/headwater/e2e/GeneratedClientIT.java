package io.headwater.e2e;

import io.headwater.contract.access.Roles;
import io.headwater.generated.query.ApiClient;
import io.headwater.generated.query.ApiException;
import io.headwater.generated.query.api.DecisionsApi;
import io.headwater.generated.query.api.LineageApi;
import io.headwater.generated.query.api.ModelsApi;
import io.headwater.generated.query.api.RunsApi;
import io.headwater.generated.query.model.LineageGraph;
import io.headwater.generated.query.model.LineageNode;
import io.headwater.generated.query.model.ModelSummary;
import io.headwater.generated.query.model.Problem;
import io.headwater.generated.query.model.Row;
import io.headwater.generated.query.model.RunComparison;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java client generated from query-service's OpenAPI spec (openapi-generator, in this module's build) calls the running,
 * secured platform: with a reader's bearer key it compares runs, follows lineage and lists models through the generated
 * types; a refusal and a missing decision come back as the spec's {@code Problem}.
 */
class GeneratedClientIT {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraphAndKeys();

    private static ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        URI query = URI.create(PLATFORM.platform().query.url());
        client.setScheme(query.getScheme());
        client.setHost(query.getHost());
        client.setPort(query.getPort());
        client.setBasePath("");
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }

    @Test
    void theGeneratedClientAnswersThroughTheSpecsTypes() throws Exception {
        List<String> runs = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Instant start = Instant.now().minusSeconds(600);
        for (int i = 0; i < runs.size(); i++) {
            PLATFORM.ingest("/api/v1/lineage", RunEvents.run("START", runs.get(i), start).job("ml", "generated-client-train")
                    .input("file", "/data/generated-client/features", "training").json()).expect(201);
            PLATFORM.ingest("/api/v1/lineage", RunEvents.run("COMPLETE", runs.get(i), start.plusSeconds(60)).job("ml", "generated-client-train")
                    .input("file", "/data/generated-client/features", "training")
                    .parameter("learning_rate", i == 0 ? 0.05 : 0.1).parameter("epochs", 5).json()).expect(201);
        }
        for (String run : runs) {
            PLATFORM.http().withAuthorization(PLATFORM.platform().authorization(Roles.READER))
                    .await(PLATFORM.queryUrl("/api/v1/runs/" + run), r -> "COMPLETE".equals(r.path("state").asText()), Duration.ofSeconds(60));
        }
        ApiClient reader = client(PLATFORM.platform().authorization(Roles.READER));

        RunComparison comparison = new RunsApi(reader).runResourceCompare(String.join(",", runs));
        assertThat(comparison.getRuns()).hasSize(2);
        Row rate = comparison.getParameters().stream().filter(r -> r.getName().equals("learning_rate")).findFirst().orElseThrow();
        assertThat(rate.getDiffers()).isTrue();
        assertThat(rate.getValues()).extracting(Object::toString).containsExactly("0.05", "0.1");
        assertThat(comparison.getParameters().stream().filter(r -> r.getName().equals("epochs")).findFirst().orElseThrow().getDiffers()).isFalse();

        LineageGraph lineage = new LineageApi(reader).lineageResourceLineage(null, "2", "downstream", "dataset:file:/data/generated-client/features", null);
        assertThat(lineage.getGraph()).extracting(LineageNode::getId).contains("dataset:file:/data/generated-client/features", "job:ml:generated-client-train");

        List<ModelSummary> models = new ModelsApi(reader).modelResourceModels("100", null);
        assertThat(models).isNotNull();

        // Errors are the spec's Problem: a missing decision, and a request without a key.
        ApiException missing = refusal(() -> new DecisionsApi(reader).decisionResourceProvenance("no-such-decision", null, null));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem notFound = reader.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getType()).startsWith("https://headwater.dev/problems/");

        ApiException refused = refusal(() -> new RunsApi(client(null)).runResourceCompare(String.join(",", runs)));
        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(reader.getObjectMapper().readValue(refused.getResponseBody(), Problem.class).getTitle()).isNotBlank();
    }

    private interface Call {
        Object call() throws ApiException;
    }

    private static ApiException refusal(Call call) {
        try {
            call.call();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the call was answered, not refused");
    }
}
