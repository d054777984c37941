package io.headwater.testkit;

import io.headwater.devstack.ServiceJars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real OpenLineage events under {@code fixtures/openlineage} at the repository root (provenance in SOURCES.md there). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir(String set) {
        return ServiceJars.repositoryRoot().resolve("fixtures/openlineage").resolve(set);
    }

    /** One fixture's bytes, e.g. {@code read("spark-captured", "0002-job1-sql-START.json")}. */
    public static byte[] read(String set, String file) {
        try {
            return Files.readAllBytes(dir(set).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event files of a set, in name order (the capture order for spark-captured). */
    public static List<Path> events(String set) {
        try (Stream<Path> files = Files.list(dir(set))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
