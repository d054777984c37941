package io.headwater.query.health;

import io.headwater.kafka.errors.ThreadReplacingHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** The bean Quarkus hands to Kafka Streams: dead stream threads are replaced, a crash loop restarts the process. */
@ApplicationScoped
public class StreamThreadRecovery extends ThreadReplacingHandler {
}
