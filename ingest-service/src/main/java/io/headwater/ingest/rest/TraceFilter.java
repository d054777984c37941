package io.headwater.ingest.rest;

import io.headwater.ingest.trace.TraceParent;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request to ingest follows a W3C trace: the caller's {@code traceparent} continued, or a new one. The resources
 * send it on with the events (a Kafka header, which Kafka Streams carries to the graph facts), and every answer, an
 * error too, carries it back, so one event can be followed from the HTTP request to the graph.
 */
@Provider
public class TraceFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request's traceparent header becomes ingest's own span of the trace, which the resources read as the header. */
    @Override
    public void filter(ContainerRequestContext request) {
        request.getHeaders().putSingle(TraceParent.HEADER, TraceParent.continueOrStart(request.getHeaderString(TraceParent.HEADER)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String trace = request.getHeaderString(TraceParent.HEADER);
        if (trace != null) {
            response.getHeaders().putSingle(TraceParent.HEADER, trace);
        }
    }
}
