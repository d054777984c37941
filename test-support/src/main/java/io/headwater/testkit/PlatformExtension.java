package io.headwater.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Owns a {@link LocalPlatform} for a test class: started before the class's own {@code @BeforeAll}
 * methods, closed after its {@code @AfterAll} ones, and the HTTP calls an end-to-end test makes.
 * <pre>
 *   &#64;RegisterExtension
 *   static final PlatformExtension PLATFORM = PlatformExtension.withGraph();
 *   ... PLATFORM.ingest("/api/v1/lineage", event).expect(201); PLATFORM.query("/api/v1/runs/" + id).json() ...
 * </pre>
 */
public final class PlatformExtension implements BeforeAllCallback, AfterAllCallback {

    private final boolean graph;
    private final boolean secured;
    private boolean keys;
    private final List<String> jvmOptions;
    private final Http http = new Http();
    private LocalPlatform platform;

    private PlatformExtension(boolean graph, boolean secured, List<String> jvmOptions) {
        this.graph = graph;
        this.secured = secured;
        this.jvmOptions = jvmOptions;
    }

    /** Broker, registry, ingest, lineage-streams and query-service, with small JVMs. */
    public static PlatformExtension withGraph() {
        return new PlatformExtension(true, false, LocalPlatform.SMALL_JVM);
    }

    /** Broker, registry and ingest only. */
    public static PlatformExtension ingestOnly() {
        return new PlatformExtension(false, false, LocalPlatform.SMALL_JVM);
    }

    /** The whole platform against a SASL_SSL-only Kafka and a registry behind basic auth ({@link LocalPlatform#secured}). */
    public static PlatformExtension securedWithGraph() {
        return new PlatformExtension(true, true, LocalPlatform.SMALL_JVM);
    }

    /** The whole platform on a plaintext broker, the services requiring API keys as deployed ({@link LocalPlatform#withKeys}). */
    public static PlatformExtension withGraphAndKeys() {
        PlatformExtension extension = new PlatformExtension(true, false, LocalPlatform.SMALL_JVM);
        extension.keys = true;
        return extension;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform = secured ? LocalPlatform.secured(graph, jvmOptions) : keys ? LocalPlatform.withKeys(graph, jvmOptions) : new LocalPlatform(graph, jvmOptions);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    public LocalPlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("the platform is started before the test class's @BeforeAll methods and stopped after its @AfterAll ones");
        }
        return platform;
    }

    /** A client with a reader's key (none needed in open mode): for queries and probes. */
    public Http http() {
        return http.withAuthorization(platform().authorization(io.headwater.contract.access.Roles.READER));
    }

    /** A client with no credentials at all. */
    public Http anonymous() {
        return http;
    }

    /** POSTs JSON to ingest-service with a producer's key. */
    public Http.Response ingest(String path, String json) {
        return http.withAuthorization(platform().authorization(io.headwater.contract.access.Roles.PRODUCER)).post(platform().ingest.url() + path, json);
    }

    /** GETs from query-service with a reader's key. */
    public Http.Response query(String path) {
        return http().get(platform().query.url() + path);
    }

    public String ingestUrl(String path) {
        return platform().ingest.url() + path;
    }

    public String queryUrl(String path) {
        return platform().query.url() + path;
    }
}
