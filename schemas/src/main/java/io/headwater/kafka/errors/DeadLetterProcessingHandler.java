package io.headwater.kafka.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;

/** A record a processor throws on (a bug meeting odd data) goes to the dead-letter topic as it came in; the stream goes on. */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        StreamsDeadLetters.send(ErrorCounters.PROCESSING, context, context.sourceRawKey(), context.sourceRawValue(), exception);
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        StreamsDeadLetters.configure(configs);
    }
}
