package io.headwater.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the services' runnable jars are after {@code mvn package}, found from the repository root. */
public final class ServiceJars {

    public static final String SCHEMA_REGISTRY = "schema-registry";
    public static final String INGEST = "ingest-service";
    public static final String LINEAGE_STREAMS = "lineage-streams";
    public static final String QUERY = "query-service";

    private ServiceJars() {
    }

    /** The runnable jar of a module; the root is taken from {@code headwater.home}, else found upward from the working directory. */
    public static Path of(String module) {
        return repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Path repositoryRoot() {
        String home = System.getProperty("headwater.home");
        if (home != null) {
            return Path.of(home);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(SCHEMA_REGISTRY)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Headwater repository root above " + Path.of("").toAbsolutePath()
                + "; set -Dheadwater.home");
    }
}
