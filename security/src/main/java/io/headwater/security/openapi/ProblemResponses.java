package io.headwater.security.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the errors every operation can answer, as the services answer them: RFC 9457 problem+json with the
 * {@code Problem} schema (the contract's {@code io.headwater.contract.Problem}). Each resource documents what is
 * particular to it; this adds what all share (malformed input, missing or weak credentials, a missing path
 * resource, a dependency not ready, a failure) and gives a body to the 401/403 that Quarkus adds for secured ones.
 * Registered with {@code mp.openapi.filter} by ingest and query-service (the registry keeps Confluent's error shape).
 */
public final class ProblemResponses implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA = "Problem";
    private static final Map<String, String> SHARED = Map.of(
            "400", "The request is malformed or breaks a rule; `errors` names each offending field by JSON pointer",
            "401", "No credentials, or ones that are not valid: send `Authorization: Bearer <API key or JWT>`",
            "403", "The principal lacks the role, or the namespace, this needs",
            "404", "Nothing with that id is known",
            "500", "An unexpected failure; `detail` says what failed",
            "503", "A dependency (Kafka, the schema registry, a state store) is not ready; retry after a moment");

    /** What Quarkus writes for the 401 and 403 it adds: replaced with what to do about them. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        for (String status : List.of("400", "401", "403", "404", "500", "503")) {
            boolean applies = switch (status) {
                case "400" -> takesInput;
                case "401", "403" -> secured && responses.hasAPIResponse(status);
                case "404" -> path.contains("{");
                default -> true;
            };
            if (!applies && !responses.hasAPIResponse(status)) {
                continue;
            }
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(SHARED.get(status));
                responses.addAPIResponse(status, response);
            } else if (GENERIC.contains(response.getDescription())) {
                response.setDescription(SHARED.get(status));
            }
            withProblemBody(response);
        }
        // Errors a resource documented itself (409, 413, 415, 429, ...) carry the same body.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                withProblemBody(response);
            }
        });
    }

    private static void withProblemBody(APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("An error, as a problem detail");
        }
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (content.getMediaTypes() == null || !content.hasMediaType(MEDIA_TYPE)) {
            content.addMediaType(MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
        }
        // A plain JSON body documented for an error is the same problem detail.
        if (content.hasMediaType("application/json") && content.getMediaType("application/json").getSchema() == null) {
            content.removeMediaType("application/json");
        }
        response.setContent(content);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One field that broke a rule")
                .addProperty("pointer", string("Where, as a JSON pointer (RFC 6901) into the request body", "/run/runId"))
                .addProperty("detail", string("What is wrong with it", "must be a UUID"))
                .required(List.of("pointer", "detail"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, as every 4xx and 5xx answer of the Headwater API carries it")
                .addProperty("type", string("A URI naming the kind of problem; its page explains it", "https://headwater.dev/problems/invalid-event"))
                .addProperty("title", string("The kind of problem, in words", "The event is not valid"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("The HTTP status").examples(List.of(400)))
                .addProperty("detail", string("This occurrence, in words", "run.runId: must be a UUID"))
                .addProperty("instance", string("The request path it happened on", "/api/v1/lineage"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("Each offending field, where the problem is about the request's content"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).examples(List.of(example));
    }
}
