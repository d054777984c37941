package io.headwater.bench;

/**
 * Every benchmark in one run, one after the other, each on its own fresh platform: ingest (single events and
 * batches, and the raw Kafka producer rate beside them), lineage-streams throughput and lag, query latencies with
 * a new instance's catch-up; then one table of every figure with its target. {@code quick} (the default) finishes
 * in a few minutes; {@code full} is the 1M-node graph of the targets. A setting given with -D wins over both.
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 0 && args[0].equals("full");
        defaults(full);
        IngestBenchmark.main(new String[0]);
        GraphBenchmark.main(new String[0]);
        QueryBenchmark.main(new String[0]);
        Figures.printTable(System.out, Machine.describe() + (full ? "; full sizes" : "; quick sizes (./headwater bench full for the 1M-node graph)"));
    }

    private static void defaults(boolean full) {
        setIfAbsent("bench.seconds", full ? "20" : "10");
        setIfAbsent("bench.warmup", full ? "20" : "10");
        setIfAbsent("bench.runs", full ? "20000" : "5000");
        setIfAbsent("bench.rate", "5000");
        setIfAbsent("bench.nodes", full ? "1000000" : "100000");
        setIfAbsent("bench.decisions", full ? "10000000" : "200000");
        setIfAbsent("bench.queries", full ? "2000" : "300");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
