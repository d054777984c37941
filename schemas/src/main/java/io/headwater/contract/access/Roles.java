package io.headwater.contract.access;

import java.util.List;

/**
 * The roles a principal can hold. A key or token holds one or more; each endpoint names those it admits.
 */
public final class Roles {

    /** Sends events, decisions and monitoring statistics. */
    public static final String PRODUCER = "producer";
    /** Reads the graph: provenance, lineage, runs, models, decisions, alerts. */
    public static final String READER = "reader";
    /** Reads the access audit. */
    public static final String AUDITOR = "auditor";
    /** Manages keys, webhooks, registry writes and configuration. */
    public static final String ADMIN = "admin";
    /** The services' own identity: instance-to-instance look-ups and registry writes; never a person's. */
    public static final String SERVICE = "service";

    public static final List<String> ALL = List.of(PRODUCER, READER, AUDITOR, ADMIN, SERVICE);
    /** The roles a key can be given; {@link #SERVICE} belongs only to the deployment's shared service key. */
    public static final List<String> ASSIGNABLE = List.of(PRODUCER, READER, AUDITOR, ADMIN);

    private Roles() {
    }
}
