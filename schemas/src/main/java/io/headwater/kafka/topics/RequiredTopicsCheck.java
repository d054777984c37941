package io.headwater.kafka.topics;

import io.headwater.contract.Topic;
import io.headwater.kafka.connection.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A service's start-up check of the contract topics it uses: missing or misconfigured ones stop the start
 * with a message naming each and the command that fixes them, rather than a service that waits or writes
 * where nothing reads. A cluster that does not answer in time is not judged (the service starts and retries,
 * as it does through any outage).
 */
public final class RequiredTopicsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RequiredTopicsCheck.class);

    private RequiredTopicsCheck() {
    }

    public static void verify(String service, KafkaConnection kafka, List<Topic<?>> topics, Duration timeout) {
        List<TopicAudit.Drift> drifts;
        try (Admin admin = Admin.create(kafka.with(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(), AdminClientConfig.CLIENT_ID_CONFIG, service + "-topic-check")))) {
            drifts = TopicAudit.audit(admin, topics.stream().map(TopicSpec::of).toList(), timeout);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("{}: could not check the topics it needs ({}); starting anyway", service, e.getMessage());
            return;
        }
        if (!drifts.isEmpty()) {
            throw new IllegalStateException(service + " cannot start: " + drifts.size() + " of the topics it needs "
                    + (drifts.size() == 1 ? "is" : "are") + " not as the contract needs them: " + drifts
                    + ". Create or fix them with `./headwater topics apply` (the chart runs it as a pre-install Job).");
        }
        LOG.info("{}: the {} topics it needs exist as the contract needs them", service, topics.size());
    }
}
