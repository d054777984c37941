package io.headwater.kafka.connection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the cluster answers with this service's connection settings (so a wrong password or trust store
 * shows in readiness, not only in the first failed write): one admin client, a bounded describe-cluster,
 * the answer cached for a few seconds so probes never pile up on Kafka. The failure names what went
 * wrong, never a setting's value.
 */
public final class KafkaReachability implements AutoCloseable {

    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final Admin admin;
    private final Duration timeout;
    private volatile long checkedAt = Long.MIN_VALUE;
    private volatile String failure = "not checked yet";

    public KafkaReachability(KafkaConnection kafka, Duration timeout) {
        this.timeout = timeout;
        this.admin = Admin.create(kafka.with(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "headwater-readiness")));
    }

    /** Null when the cluster answered, else why not. */
    public String failure() {
        long now = System.nanoTime();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt > CACHE_NANOS) {
            synchronized (this) {
                if (checkedAt == Long.MIN_VALUE || System.nanoTime() - checkedAt > CACHE_NANOS) {
                    failure = check();
                    checkedAt = System.nanoTime();
                }
            }
        }
        return failure;
    }

    private String check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? null : "the cluster has no brokers";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
