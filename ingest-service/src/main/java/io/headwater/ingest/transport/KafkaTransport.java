package io.headwater.ingest.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.ingest.kafka.DeadLetterPublisher;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.service.LineageIngestService;
import io.headwater.ingest.service.Sender;
import io.headwater.ingest.service.ServingIngestService;
import io.headwater.ingest.validation.JsonBodyReader;
import io.headwater.kafka.connection.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka side door: OpenLineage's Kafka transport writes JSON events to a topic, and serving
 * systems may write decisions and monitoring statistics to topics instead of calling HTTP. Each
 * configured topic gets one ingestor thread; unset topics are not read.
 */
@ApplicationScoped
public class KafkaTransport {

    private static final Logger LOG = Logger.getLogger(KafkaTransport.class);

    private final List<TopicIngestor> ingestors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    void start(@Observes StartupEvent event, ObjectMapper mapper, LineageIngestService lineage, ServingIngestService serving,
               EventPublisher publisher, DeadLetterPublisher deadLetters, IngestMetrics metrics,
               KafkaConnection kafka,
               @ConfigProperty(name = "headwater.ingest.kafka.group-id") String groupId,
               @ConfigProperty(name = "headwater.ingest.kafka.openlineage-topic") Optional<String> openLineageTopic,
               @ConfigProperty(name = "headwater.ingest.kafka.decisions-topic") Optional<String> decisionsTopic,
               @ConfigProperty(name = "headwater.ingest.kafka.monitoring-topic") Optional<String> monitoringTopic) {
        JsonBodyReader reader = new JsonBodyReader(mapper);
        openLineageTopic.ifPresent(topic -> add(new TopicIngestor(topic, LineageIngestService.KIND, kafka, groupId,
                (payload, received) -> {
                    String raw = reader.text(payload);
                    return lineage.prepare(reader.parse(raw), raw, received, "", "kafka", Sender.kafka(topic));
                }, publisher, deadLetters, metrics)));
        decisionsTopic.ifPresent(topic -> add(new TopicIngestor(topic, ServingIngestService.DECISION, kafka, groupId,
                (payload, received) -> serving.prepare(ServingIngestService.DECISION, reader.parse(reader.text(payload)), "", received,
                        Sender.kafka(topic)),
                publisher, deadLetters, metrics)));
        monitoringTopic.ifPresent(topic -> add(new TopicIngestor(topic, ServingIngestService.MONITORING, kafka, groupId,
                (payload, received) -> serving.prepare(ServingIngestService.MONITORING, reader.parse(reader.text(payload)), "", received,
                        Sender.kafka(topic)),
                publisher, deadLetters, metrics)));
    }

    private void add(TopicIngestor ingestor) {
        ingestors.add(ingestor);
        Thread thread = new Thread(ingestor, "kafka-ingest-" + ingestors.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Each reader: its topic, whether its thread lives, how long since it last polled, and its failures in a row. */
    List<WorkerState> workers() {
        List<WorkerState> states = new ArrayList<>();
        for (int i = 0; i < ingestors.size(); i++) {
            TopicIngestor ingestor = ingestors.get(i);
            states.add(new WorkerState(ingestor.topic(), threads.get(i).isAlive(), ingestor.secondsSinceLastPoll(),
                    ingestor.consecutiveFailures(), ingestor.lastFailure()));
        }
        return states;
    }

    record WorkerState(String topic, boolean alive, long secondsSinceLastPoll, int consecutiveFailures, String lastFailure) {
        boolean healthy() {
            return alive && secondsSinceLastPoll < 120;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        ingestors.forEach(TopicIngestor::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debugf("stopped %d Kafka ingestors", threads.size());
    }
}
