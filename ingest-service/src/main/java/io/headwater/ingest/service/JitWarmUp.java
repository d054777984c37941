package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.LineageEvent;
import io.headwater.ingest.kafka.Outgoing;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Pays the JIT at start instead of with the first clients' requests. A service just started answers single events
 * several times slower than a warm one: parsing, the OpenLineage schema validation, redaction, normalisation and Avro
 * encoding are still interpreted. Before the service takes traffic, a real Spark event (bundled; see
 * {@code warm-up/SOURCE.md}) with a fresh run id each time goes through all of it except the send, for
 * {@code headwater.ingest.warm-up} (0 turns it off). Nothing reaches Kafka; a failure is logged and ends the warm-up,
 * never the start.
 */
@ApplicationScoped
public class JitWarmUp {

    private static final Logger LOG = Logger.getLogger(JitWarmUp.class);
    private static final Sender WARM_UP = new Sender("warm-up", List.of());

    private final LineageIngestService lineage;
    private final ObjectMapper mapper;
    private final Duration budget;
    private final SpecificDatumWriter<SpecificRecord> avro = new SpecificDatumWriter<>(LineageEvent.getClassSchema());

    public JitWarmUp(LineageIngestService lineage, ObjectMapper mapper, @ConfigProperty(name = "headwater.ingest.warm-up") Duration budget) {
        this.lineage = lineage;
        this.mapper = mapper;
        this.budget = budget;
    }

    void atStart(@Observes StartupEvent event) {
        if (budget.isZero() || budget.isNegative()) {
            return;
        }
        long began = System.nanoTime();
        int events = run(budget);
        LOG.infof("warmed up: %d events through validation, redaction, normalisation and Avro encoding in %d ms", events,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** Runs the sample through the request path until the budget is spent; how many times it went through. */
    int run(Duration budget) {
        String sample = sample();
        int at = sample.indexOf("\"runId\":\"") + "\"runId\":\"".length();
        String before = sample.substring(0, at);
        String after = sample.substring(at + 36);
        long deadline = System.nanoTime() + budget.toNanos();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        BinaryEncoder encoder = null;
        int done = 0;
        try {
            while (System.nanoTime() < deadline) {
                String raw = before + UUID.randomUUID() + after;
                Outgoing outgoing = lineage.prepare(mapper.readTree(raw), raw, Instant.now(), "", "warm-up", WARM_UP);
                bytes.reset();
                encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
                avro.write(outgoing.value(), encoder);
                encoder.flush();
                done++;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the warm-up stopped after %d events: %s", done, e.toString());
        }
        return done;
    }

    private static String sample() {
        try (InputStream in = JitWarmUp.class.getResourceAsStream("/warm-up/spark-sql-complete.json")) {
            if (in == null) {
                throw new IllegalStateException("warm-up/spark-sql-complete.json is missing from the service's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
