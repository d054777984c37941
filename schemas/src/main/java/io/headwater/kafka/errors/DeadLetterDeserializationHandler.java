package io.headwater.kafka.errors;

import io.headwater.kafka.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.util.Map;

/** A record the topology cannot read (not Avro, an unknown schema id, a corrupt payload) goes to the dead-letter topic; the stream goes on. */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryException.unavailableIn(exception)) {
            // The registry is down, the record is fine: fail, and the replaced thread reads it again later.
            return DeserializationHandlerResponse.FAIL;
        }
        StreamsDeadLetters.send(ErrorCounters.DESERIALIZATION, context, record.key(), record.value(), exception);
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        StreamsDeadLetters.configure(configs);
    }
}
