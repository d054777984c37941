package io.headwater.query.access;

import io.headwater.security.Principals;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces a reader may see: a key scoped to namespaces sees jobs and datasets (and the runs of
 * those jobs) in them only; everything else in an answer is shown as a counted, redacted node. Empty:
 * everything (an unscoped key, a JWT, open mode).
 */
public record ReadScope(Set<String> namespaces) {

    public static final ReadScope EVERYTHING = new ReadScope(Set.of());

    public ReadScope {
        namespaces = Set.copyOf(namespaces);
    }

    public static ReadScope of(SecurityIdentity identity) {
        List<String> namespaces = identity == null || identity.isAnonymous() ? null : identity.getAttribute(Principals.NAMESPACES);
        return namespaces == null || namespaces.isEmpty() ? EVERYTHING : new ReadScope(new TreeSet<>(namespaces));
    }

    public boolean everything() {
        return namespaces.isEmpty();
    }

    /** Whether a thing in this namespace may be shown; a kind without a namespace (null) is shown to every reader. */
    public boolean sees(String namespace) {
        return everything() || namespace == null || namespaces.contains(namespace);
    }
}
