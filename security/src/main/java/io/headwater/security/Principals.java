package io.headwater.security;

import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.HashSet;
import java.util.List;

/** The identities a request can carry: an API key's, or open mode's local user. */
public final class Principals {

    /** The attribute that holds the namespaces a key is limited to (an empty list: all). */
    public static final String NAMESPACES = "headwater.namespaces";
    /** The principal name of every caller in open mode. */
    public static final String OPEN_MODE_USER = "local (open mode)";

    private Principals() {
    }

    static SecurityIdentity of(ApiKey key) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(key.id())).addRoles(new HashSet<>(key.roles()))
                .addAttribute(NAMESPACES, key.namespaces()).build();
    }

    /** The services' own identity: whoever presents the deployment's shared service key. */
    public static final String SERVICE = "headwater-service";

    static SecurityIdentity service() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(SERVICE)).addRole(Roles.SERVICE)
                .addAttribute(NAMESPACES, List.of()).build();
    }

    static SecurityIdentity openModeUser() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(OPEN_MODE_USER)).addRoles(new HashSet<>(Roles.ALL))
                .addAttribute(NAMESPACES, List.of()).build();
    }
}
