package io.headwater.ingest.kafka;

import io.headwater.contract.Topics;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.topics.RequiredTopicsCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;

/** Ingest does not start when a topic it writes is missing or misconfigured (see RequiredTopicsCheck). */
@ApplicationScoped
public class TopicsAtStart {

    void check(@Observes StartupEvent event, KafkaConnection kafka) {
        RequiredTopicsCheck.verify("ingest-service", kafka, List.of(Topics.LINEAGE, Topics.DECISIONS, Topics.MONITORING, Topics.DEPLOYMENTS, Topics.DEAD_LETTER,
                Topics.API_KEYS),
                Duration.ofSeconds(10));
    }
}
