package io.headwater.ingest.service;

import io.headwater.security.Principals;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;

/**
 * Who sent an event, as every stored fact records it ({@code sentBy}), and the namespaces it may write
 * (empty: any). Over HTTP the key's id; from a Kafka topic, the topic (whose ACLs decided who could write).
 */
public record Sender(String principal, List<String> namespaces) {

    public Sender {
        namespaces = List.copyOf(namespaces);
    }

    public static Sender of(SecurityIdentity identity) {
        List<String> namespaces = identity.getAttribute(Principals.NAMESPACES);
        return new Sender(identity.getPrincipal().getName(), namespaces == null ? List.of() : namespaces);
    }

    public static Sender kafka(String topic) {
        return new Sender("kafka:" + topic, List.of());
    }

    public boolean mayWrite(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }
}
