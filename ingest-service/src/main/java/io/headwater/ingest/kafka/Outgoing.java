package io.headwater.ingest.kafka;

import org.apache.avro.specific.SpecificRecord;

/** A validated, converted record ready for Kafka, with what the metrics and the answer need. */
public record Outgoing(String topic, String key, SpecificRecord value, String eventId, String producer) {
}
