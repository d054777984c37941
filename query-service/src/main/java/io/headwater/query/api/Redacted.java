package io.headwater.query.api;

import java.util.Set;

/**
 * What a reader's namespace scope hid from an answer: how many nodes are shown as {@code redacted:<n>}
 * (their kind kept, their name and attributes removed) and the namespaces the key may read.
 */
public record Redacted(int nodes, Set<String> readableNamespaces, String note) {

    public static Redacted of(int nodes, Set<String> readableNamespaces) {
        return new Redacted(nodes, new java.util.TreeSet<>(readableNamespaces), nodes + " node(s) lie outside the namespaces this key may read and are shown "
                + "as redacted:<n>, with their kind and edges but without names or attributes");
    }
}
