package io.headwater.ingest.kafka;

/** Kafka (or the schema registry) did not acknowledge the event in time; the client should retry. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
