package io.headwater.kafka.errors;

import io.headwater.kafka.registry.SchemaRegistryException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

import java.util.Map;

/**
 * A result the topology cannot write (larger than the topic takes, or one its serializer refuses) is
 * recorded on the dead-letter topic with the source record that produced it, and skipped; the stream
 * goes on. Outages are not this handler's: Kafka Streams retries those itself.
 */
public class DeadLetterProductionHandler implements ProductionExceptionHandler {

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        String size = exception instanceof RecordTooLargeException && record.value() != null ? " (" + record.value().length + " bytes)" : "";
        StreamsDeadLetters.send(ErrorCounters.PRODUCTION, context, context.sourceRawKey(), context.sourceRawValue(),
                new IllegalStateException("could not write to " + record.topic() + size, exception));
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                                           SerializationExceptionOrigin origin) {
        if (SchemaRegistryException.unavailableIn(exception)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        StreamsDeadLetters.send(ErrorCounters.SERIALIZATION, context, context.sourceRawKey(), context.sourceRawValue(),
                new IllegalStateException("could not encode the " + origin.name().toLowerCase() + " of a record for " + record.topic(), exception));
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        StreamsDeadLetters.configure(configs);
    }
}
