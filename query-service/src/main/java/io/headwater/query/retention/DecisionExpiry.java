package io.headwater.query.retention;

import io.headwater.avro.LinkedDecision;
import io.headwater.contract.graph.NodeId;
import io.headwater.contract.retention.LegalHold;
import io.headwater.contract.retention.RetentionClass;
import io.headwater.contract.retention.RetentionPolicy;
import io.headwater.query.streams.GraphStoreKeys;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Decisions past their class's period leave the stores as they leave the topics: every
 * {@code headwater.retention.expiry-interval} each instance looks, in the by-version index it holds,
 * for decisions made before the cut-off (a range scan per version: only the old ones are read) and writes
 * their tombstones, as an erasure does. A decision under legal hold stays and is counted as held back.
 */
@ApplicationScoped
public class DecisionExpiry {

    private static final Logger LOG = Logger.getLogger(DecisionExpiry.class);
    /** The most tombstones one sweep writes; the next sweep takes the rest. */
    static final int MOST_PER_SWEEP = 10_000;

    /** What the last sweep on this instance found. */
    public record Sweep(Instant at, Instant cutOff, int expired, int heldBack) {
    }

    private final StoreAccess stores;
    private final LegalHolds holds;
    private final RetentionRecords records;
    private final RetentionPolicy policy;
    private final Duration interval;
    private volatile ScheduledExecutorService sweeper;
    private volatile Sweep last;
    private final java.util.concurrent.atomic.AtomicLong expiredSinceStart = new java.util.concurrent.atomic.AtomicLong();

    public DecisionExpiry(StoreAccess stores, LegalHolds holds, RetentionRecords records, RetentionPolicy policy,
                          @ConfigProperty(name = "headwater.retention.expiry-interval") Duration interval) {
        this.stores = stores;
        this.holds = holds;
        this.records = records;
        this.policy = policy;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        if (policy.period(RetentionClass.DECISIONS).isEmpty()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headwater-decision-expiry");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        sweeper = executor;
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private void sweepQuietly() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            // Stores loading or Kafka away: the next sweep finds the same decisions.
            LOG.debugf("decision expiry skipped this time: %s", e.getMessage());
        }
    }

    /** Expires what was made before now minus the period; returns what it found. */
    public Sweep sweep(Instant now) {
        Duration period = policy.period(RetentionClass.DECISIONS).orElse(null);
        if (period == null) {
            return null;
        }
        Instant cutOff = now.minus(period);
        Set<String> held = holds.active().stream().map(LegalHold::target).collect(Collectors.toSet());
        List<String> versions = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = stores.<Long>keyValue(TopologyProducer.DECISION_COUNTS_STORE).all()) {
            it.forEachRemaining(kv -> versions.add(kv.key));
        }
        List<String> due = new ArrayList<>();
        int heldBack = 0;
        for (String version : versions) {
            try (KeyValueIterator<String, LinkedDecision> it = stores.<LinkedDecision>keyValue(TopologyProducer.DECISIONS_BY_MODEL_STORE)
                    .range(GraphStoreKeys.decisionPrefix(version), GraphStoreKeys.decisionsBefore(version, cutOff))) {
                while (it.hasNext() && due.size() < MOST_PER_SWEEP) {
                    String id = it.next().value.getDecision().getDecisionId();
                    if (held.contains(NodeId.decision(id).value())) {
                        heldBack++;
                    } else {
                        due.add(id);
                    }
                }
            }
        }
        if (!due.isEmpty()) {
            records.removeDecisions(due);
            expiredSinceStart.addAndGet(due.size());
            LOG.infof("expired %d decisions made before %s (retention %s); %d held back by legal holds", due.size(), cutOff, period, heldBack);
        }
        last = new Sweep(now, cutOff, due.size(), heldBack);
        return last;
    }

    /** How many decisions this instance expired since it started. */
    public long expiredSinceStart() {
        return expiredSinceStart.get();
    }

    /** The last sweep on this instance; null before the first. */
    public Sweep last() {
        return last;
    }
}
