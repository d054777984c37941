package io.headwater.query.errors;

/** A write this service makes (a webhook subscription) was not acknowledged by Kafka. */
public class KafkaUnavailableException extends UnavailableException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String problemType() {
        return "kafka-unavailable";
    }

    @Override
    public String title() {
        return "Kafka did not acknowledge";
    }
}
