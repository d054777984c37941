package io.headwater.devstack;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.topics.TopicAudit.Drift;
import io.headwater.kafka.topics.TopicAudit;
import io.headwater.kafka.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./headwater topics check|apply}: creates or checks every topic Headwater needs on any cluster (the
 * connection from kafka.* / KAFKA_* settings, secured ones included), idempotently, and reports each
 * difference from the expected layout. {@code apply} creates what is missing and sets cleanup policy,
 * retention (each topic's class, {@code HEADWATER_RETENTION_<CLASS>}) and record size; it raises partition counts only with {@code --allow-partition-increase} (keys move between
 * partitions, so running consumers see a key's order broken once), and never changes a replication factor
 * (that needs a reassignment) but reports it. Exit status: 0 when the cluster matches, 1 when differences
 * remain, 2 when it could not be checked. The chart runs {@code apply} as a pre-install/pre-upgrade Job.
 */
public final class TopicsCommand {

    private final Admin admin;
    private final TopicLayout layout;
    private final PrintStream out;
    private final Duration timeout = Duration.ofSeconds(30);

    TopicsCommand(Admin admin, TopicLayout layout, PrintStream out) {
        this.admin = admin;
        this.layout = layout;
        this.out = out;
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "check";
        int partitions = Integer.parseInt(option(args, "--partitions", StackSettings.setting("headwater.kafka.partitions",
                String.valueOf(TopicLayout.defaults().partitions()))));
        short replication = Short.parseShort(option(args, "--replication-factor", StackSettings.setting("headwater.kafka.replication-factor", "1")));
        boolean increase = List.of(args).contains("--allow-partition-increase");
        if (!mode.equals("check") && !mode.equals("apply")) {
            System.err.println("usage: topics check|apply [--partitions N] [--replication-factor R] [--allow-partition-increase]");
            System.exit(2);
        }
        KafkaConnection kafka = connection();
        System.out.println("topics: " + mode + " on " + kafka + " (" + partitions + " partitions, replication factor " + replication + ")");
        int status;
        try (Admin admin = Admin.create(kafka.with(Map.of("client.id", "headwater-topics")))) {
            TopicsCommand command = new TopicsCommand(admin, new TopicLayout(partitions, replication), System.out);
            status = mode.equals("apply") ? command.apply(increase) : command.check();
        } catch (RuntimeException e) {
            System.err.println("topics: could not " + mode + ": " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** @return 0 when every topic matches its spec, else 1 */
    int check() {
        List<Drift> drifts = audit();
        report(drifts);
        return drifts.isEmpty() ? 0 : 1;
    }

    /** @return 0 when every topic matches afterwards, else 1 */
    int apply(boolean allowPartitionIncrease) {
        List<Drift> before = audit();
        layout.createMissing(admin);
        Map<ConfigResource, Collection<AlterConfigOp>> configs = new HashMap<>();
        List<String> grow = new ArrayList<>();
        for (Drift drift : before) {
            TopicSpec spec = spec(drift.topic());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, drift.topic());
            switch (drift.what()) {
                case TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG, TopicConfig.MAX_MESSAGE_BYTES_CONFIG ->
                        // The whole of the topic's configuration, once however many of its settings differ.
                        configs.putIfAbsent(resource, TopicLayout.configs(spec).entrySet().stream()
                                .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList());
                case "partitions" -> {
                    if (allowPartitionIncrease && Integer.parseInt(drift.actual()) < spec.partitions()) {
                        grow.add(drift.topic());
                    }
                }
                default -> { }
            }
        }
        try {
            if (!configs.isEmpty()) {
                admin.incrementalAlterConfigs(configs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!grow.isEmpty()) {
                Map<String, NewPartitions> increases = new HashMap<>();
                grow.forEach(topic -> increases.put(topic, NewPartitions.increaseTo(spec(topic).partitions())));
                admin.createPartitions(increases).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not fix the topics: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        before.stream().filter(d -> !d.what().equals("replication factor") && !(d.what().equals("partitions") && !grow.contains(d.topic())))
                .forEach(d -> out.println("  fixed    " + d));
        List<Drift> after = settled();
        report(after);
        return after.isEmpty() ? 0 : 1;
    }

    /**
     * The drift left once the changes have reached the broker that answers: a KRaft cluster applies configuration
     * changes from its metadata log, so a describe right after an alter may still show the old value for a moment.
     */
    private List<Drift> settled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Drift> after = audit();
        while (!after.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = audit();
        }
        return after;
    }

    private List<Drift> audit() {
        try {
            return TopicAudit.audit(admin, layout.specs(), timeout);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + timeout.toSeconds() + " s");
        }
    }

    private void report(List<Drift> drifts) {
        TreeSet<String> differing = new TreeSet<>();
        drifts.forEach(d -> differing.add(d.topic()));
        for (TopicSpec spec : layout.specs()) {
            if (!differing.contains(spec.name())) {
                out.println("  ok       " + spec.name());
            }
        }
        drifts.forEach(d -> out.println("  DIFFERS  " + d + (d.what().equals("replication factor")
                ? " (reassign its partitions with kafka-reassign-partitions.sh)" : d.what().equals("partitions")
                ? " (apply --allow-partition-increase raises it; it cannot be lowered)" : "")));
        out.println(drifts.isEmpty() ? "topics: all " + layout.specs().size() + " as expected" : "topics: " + drifts.size() + " differences");
    }

    private TopicSpec spec(String topic) {
        return layout.specs().stream().filter(s -> s.name().equals(topic)).findFirst().orElseThrow();
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    /** The connection from system properties (kafka.*) and the environment (KAFKA_*), as the services take it. */
    static KafkaConnection connection() {
        Map<String, String> all = new HashMap<>(System.getenv());
        System.getProperties().forEach((k, v) -> all.put(k.toString(), v.toString()));
        if (!all.containsKey("kafka.bootstrap.servers") && !all.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            all.put("kafka.bootstrap.servers", "127.0.0.1:" + StackSettings.setting("headwater.kafka.port", "9092"));
        }
        return KafkaConnection.from(new TreeSet<>(all.keySet()), name -> java.util.Optional.ofNullable(all.get(name)));
    }
}
