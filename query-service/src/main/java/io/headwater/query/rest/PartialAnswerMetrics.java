package io.headwater.query.rest;

import io.headwater.query.api.PartialAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts answers a bound cut short, {@code headwater_query_partial_answers_total{operation}}: the operation is the
 * resource method (a fixed set), so an operator sees which questions hit their depth, node or time budgets.
 */
@Provider
public class PartialAnswerMetrics implements ContainerResponseFilter {

    private final MeterRegistry registry;

    @Context
    ResourceInfo resource;

    public PartialAnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof PartialAnswer answer && answer.partialReason() != null) {
            String operation = resource == null || resource.getResourceMethod() == null ? "unknown"
                    : resource.getResourceClass().getSimpleName() + "_" + resource.getResourceMethod().getName();
            registry.counter("headwater.query.partial.answers", "operation", operation).increment();
        }
    }
}
