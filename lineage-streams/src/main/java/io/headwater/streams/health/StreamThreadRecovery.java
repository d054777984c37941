package io.headwater.streams.health;

import io.headwater.kafka.errors.ThreadReplacingHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/** Quarkus hands this to Kafka Streams: dead stream threads are replaced, a crash loop restarts the process. */
@ApplicationScoped
public class StreamThreadRecovery {

    @Produces
    @ApplicationScoped
    StreamsUncaughtExceptionHandler uncaughtExceptionHandler() {
        return new ThreadReplacingHandler();
    }
}
