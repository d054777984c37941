package io.headwater.schemaregistry.store;

import io.headwater.devstack.EmbeddedKafka;
import io.headwater.schemaregistry.model.SchemaVersion;
import io.headwater.schemaregistry.service.SchemaRegistryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two registry instances on one log agree on every id, and a restarted instance sees the same. */
class SchemaLogReplicationTest {

    @TempDir
    Path dataDir;
    private EmbeddedKafka kafka;
    private final List<KafkaSchemaLog> logs = new ArrayList<>();

    @BeforeEach
    void startKafka() {
        kafka = EmbeddedKafka.on(dataDir, 0, 0).start();
    }

    @AfterEach
    void stopAll() {
        logs.forEach(log -> log.stop(null));
        kafka.close();
    }

    private SchemaRegistryService instance() {
        KafkaSchemaLog log = new KafkaSchemaLog(io.headwater.kafka.connection.KafkaConnection.plaintext(kafka.bootstrapServers()), "_schemas", Duration.ofSeconds(20), "BACKWARD");
        log.start(null);
        logs.add(log);
        return new SchemaRegistryService(log);
    }

    private static String schema(int n) {
        return "{\"type\":\"record\",\"name\":\"R" + n + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    }

    @Test
    void concurrentWritersOnTwoInstancesNeverShareAnIdAndBothAgree() throws Exception {
        SchemaRegistryService a = instance();
        SchemaRegistryService b = instance();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> ids = new ArrayList<>();
        try {
            for (int n = 0; n < 20; n++) {
                int i = n;
                SchemaRegistryService target = n % 2 == 0 ? a : b;
                ids.add(pool.submit((Callable<Integer>) () -> target.register("subject-" + i, schema(i), null)));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).as("twenty different schemas, twenty different ids").hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        for (int n = 0; n < 20; n++) {
            SchemaVersion fromA = a.version("subject-" + n, "latest", false);
            SchemaVersion fromB = b.version("subject-" + n, "latest", false);
            assertThat(fromB).isEqualTo(fromA);
            assertThat(a.schemaById(fromA.id())).isEqualTo(b.schemaById(fromA.id()));
        }

        // A third instance, started afterwards, reads the same registry from the log.
        SchemaRegistryService late = instance();
        for (int n = 0; n < 20; n++) {
            assertThat(late.version("subject-" + n, "latest", false)).isEqualTo(a.version("subject-" + n, "latest", false));
        }
        // And the next id it hands out is new.
        int next = late.register("subject-late", schema(99), null);
        assertThat(next).isGreaterThan(20);
    }
}
