package io.headwater.ingest.service;

import io.headwater.security.Principals;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;

/**
 * Who sent an event, as every stored fact records it ({@code sentBy}), and the namespaces it may write
 * (empty: any). Over HTTP the key's id; from a Kafka topic, the topic (whose ACLs decided who could write).
 * {@code trace}: the request's {@link io.headwater.ingest.trace.TraceParent} (null where there is none), sent on with what it stores.
 */
public record Sender(String principal, List<String> namespaces, String trace) {

    public Sender {
        namespaces = List.copyOf(namespaces);
    }

    public Sender(String principal, List<String> namespaces) {
        this(principal, namespaces, null);
    }

    public static Sender of(SecurityIdentity identity) {
        List<String> namespaces = identity.getAttribute(Principals.NAMESPACES);
        return new Sender(identity.getPrincipal().getName(), namespaces == null ? List.of() : namespaces);
    }

    public static Sender kafka(String topic) {
        return new Sender("kafka:" + topic, List.of());
    }

    /** The same sender, in the trace this request follows. */
    public Sender traced(String traceparent) {
        return new Sender(principal, namespaces, traceparent);
    }

    public boolean mayWrite(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }
}
