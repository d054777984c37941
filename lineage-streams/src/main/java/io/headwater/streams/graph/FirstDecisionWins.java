package io.headwater.streams.graph;

import io.headwater.avro.Decision;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A decision never changes: the first record of an id stands. A repeat with the same content (sent twice,
 * retried) passes as itself; one with other content is a forgery or a bug, and goes to the dead-letter topic
 * with the reason (by the processing exception handler) while the first stays. Ingest refuses most such
 * repeats with a 409 already; this holds when two arrive at once or ingest could not look.
 */
public final class FirstDecisionWins implements FixedKeyProcessor<String, Decision, Decision> {

    /** Decision id to the fingerprint of its first content. */
    public static final String STORE = "decision-fingerprints";

    private FixedKeyProcessorContext<String, Decision> context;
    private KeyValueStore<String, String> fingerprints;

    @Override
    public void init(FixedKeyProcessorContext<String, Decision> context) {
        this.context = context;
        this.fingerprints = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Decision> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            fingerprints.delete(record.key());
            context.forward(record);
            return;
        }
        String fingerprint = fingerprint(record.value());
        String first = fingerprints.get(record.key());
        if (first == null) {
            fingerprints.put(record.key(), fingerprint);
            context.forward(record);
        } else if (!first.equals(fingerprint)) {
            throw new ConflictingDecisionException(record.key());
        }
        // else: the same decision again, already recorded.
    }

    /** What a decision says, without when it arrived and who brought it. */
    static String fingerprint(Decision decision) {
        Decision content = Decision.newBuilder(decision).setReceivedAt(java.time.Instant.EPOCH).setSentBy(null).build();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a decision record was not taken. */
    public static final class ConflictingDecisionException extends RuntimeException {
        ConflictingDecisionException(String id) {
            super("decision " + id + " was recorded first with other content; a decision never changes, so this record was not taken");
        }
    }
}
