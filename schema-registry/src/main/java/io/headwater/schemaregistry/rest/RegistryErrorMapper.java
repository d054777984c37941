package io.headwater.schemaregistry.rest;

import io.headwater.schemaregistry.model.RegistryError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Answers errors as Confluent does: {"error_code": 40401, "message": "..."}. */
public class RegistryErrorMapper {

    @ServerExceptionMapper
    public Response map(RegistryError error) {
        return Response.status(error.status())
                .type(RegistryMediaTypes.V1)
                .entity(Map.of("error_code", error.errorCode(), "message", error.getMessage()))
                .build();
    }

    /** Malformed bodies, unknown paths, wrong methods: Confluent's clients still expect error_code and message. */
    @ServerExceptionMapper
    public Response map(jakarta.ws.rs.WebApplicationException error) {
        int status = error.getResponse().getStatus();
        String message = error.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? "Invalid JSON body: " + json.getOriginalMessage() : error.getMessage();
        return Response.status(status)
                .type(RegistryMediaTypes.V1)
                .entity(Map.of("error_code", status, "message", message))
                .build();
    }
}
