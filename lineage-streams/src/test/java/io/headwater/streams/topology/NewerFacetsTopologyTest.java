package io.headwater.streams.topology;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.DerivedFrom;
import io.headwater.contract.graph.EdgeAttributes.Lineage;
import io.headwater.contract.graph.EdgeAttributes.Read;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeAttributes.Dataset;
import io.headwater.contract.graph.NodeAttributes.Job;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph of the newer-facet fixtures (symlinks, tags, ownership, statistics, quality, static lineage), in a TopologyTestDriver. */
class NewerFacetsTopologyTest {

    private static final String HIVE = "hive://metastore.payments:9083";
    private static final String RAW = NodeId.dataset(HIVE, "payments.raw_payments").value();
    private static final String DAILY = NodeId.dataset(HIVE, "payments.daily_payments").value();
    private static final String FX = NodeId.dataset(HIVE, "payments.fx_rates").value();
    private static final String JOB = NodeId.job("payments", "daily_payments_rollup").value();

    @TempDir(factory = GraphTopologyTest.TargetTempDirs.class)
    Path stateDir;

    @Test
    void aHiveTableAndItsStoragePathAreOneDatasetAcrossTheSparkApplication() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(GraphTopologyTest.fixtures("spark"));
            String t2 = NodeId.dataset("hive://dataproc-producer-test-m:9083", "default.t2").value();
            assertThat(graph.nodes.get(t2)).isNotNull();
            assertThat(graph.nodes.get(t2).getAttributes().get(Dataset.ALIASES))
                    .isEqualTo(NodeId.dataset("hdfs://dataproc-producer-test-m", "/user/hive/warehouse/t2").value());
            assertThat(graph.nodes).doesNotContainKey(NodeId.dataset("hdfs://dataproc-producer-test-m", "/user/hive/warehouse/t2").value());
            // INSERT INTO t1 wrote the table that INSERT ... SELECT FROM t1 read: the read links to that version.
            String t1 = NodeId.dataset("hive://dataproc-producer-test-m:9083", "default.t1").value();
            assertThat(graph.edges.values()).anyMatch(e -> e.getKind() == EdgeKind.READ && e.getSource().startsWith(t1 + "#"));
        }
    }

    @Test
    void descriptiveFacetsBecomeAttributesOfTheJobAndTheDatasets() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(List.of(GraphDriver.event(Fixtures.dir("composed").resolve("facets-daily_payments-COMPLETE.json"))));

            assertThat(graph.nodes.get(JOB).getAttributes())
                    .containsEntry(Job.OWNERS, "team:data-platform")
                    .containsEntry(Job.TAGS, "domain=finance")
                    .containsEntry(Job.PROCESSING_TYPE, "BATCH")
                    .containsEntry(Job.DESCRIPTION, "Rolls up the day's payments per counterparty.");
            GraphNode raw = graph.nodes.get(RAW);
            assertThat(raw.getAttributes())
                    .containsEntry(Dataset.DATASET_TYPE, "TABLE")
                    .containsEntry(Dataset.TAGS, "slack_channel=#data-engineering-alerts")
                    .containsEntry(Dataset.OWNERS, "team:payments")
                    .containsEntry(Dataset.CATALOG_FRAMEWORK, "hive")
                    .containsEntry(Dataset.ALIASES, NodeId.dataset("s3://payments-lake", "/raw/payments").value());
            NodeDetails.Dataset schema = NodeDetails.read(raw.getDetailJson(), NodeDetails.Dataset.class).orElseThrow();
            assertThat(schema.fields()).filteredOn(f -> f.name().equals("email_address")).singleElement()
                    .extracting(NodeDetails.Field::tags).isEqualTo(List.of("pii=true"));
            GraphNode run = graph.nodes.get(NodeId.run("019ad1c0-7a10-7f3e-b1a2-93c4d5e6f701").value());
            assertThat(run.getAttributes()).containsEntry(NodeAttributes.Run.TAGS, "environment=production");
        }
    }

    @Test
    void rowCountsAndQualityBelongToTheVersionWrittenAndTheReadThatMeasuredThem() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(List.of(GraphDriver.event(Fixtures.dir("composed").resolve("facets-daily_payments-COMPLETE.json"))));

            GraphNode version = graph.nodes.get(DAILY + "#019ad1c0-7a10-7f3e-b1a2-93c4d5e6f701");
            assertThat(version).isNotNull();
            assertThat(version.getAttributes()).containsEntry(NodeAttributes.DatasetVersion.ROW_COUNT, "3")
                    .containsEntry(NodeAttributes.DatasetVersion.BYTES, "2048").containsEntry(NodeAttributes.DatasetVersion.FILE_COUNT, "1");
            GraphEdge read = graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.READ && e.getSource().equals(RAW)).findFirst().orElseThrow();
            assertThat(read.getAttributes()).containsEntry(Read.ROW_COUNT, "10").containsEntry(Read.FILE_COUNT, "5");
        }
    }

    @Test
    void dbtTestResultsAreCountedOnTheReadOfTheTestedTable() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(List.of(GraphDriver.event(Fixtures.dir("dbt").resolve("dbt-1.40-test-raw_customers-COMPLETE.json"))));
            GraphEdge read = graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.READ).findFirst().orElseThrow();
            assertThat(read.getAttributes()).containsEntry(Read.ASSERTIONS_PASSED, "4").containsEntry(Read.ASSERTIONS_FAILED, "0");
        }
    }

    @Test
    void staticLineageIsDeclaredAndWhatARunShowedIsObserved() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(List.of(GraphDriver.event(Fixtures.dir("composed").resolve("static-daily_payments-JOB.json"))));
            GraphEdge fx = graph.edges.get(EdgeId.of(FX, EdgeKind.INPUT_TO, JOB).value());
            assertThat(fx.getAttributes()).containsEntry(Lineage.DECLARED, "true").doesNotContainKey(Lineage.OBSERVED);
            assertThat(graph.nodes.get(FX).getKind()).isEqualTo(NodeKind.DATASET);
            assertThat(graph.edges.get(EdgeId.of(NodeId.datasetField(HIVE, "payments.fx_rates", "rate").value(), EdgeKind.DERIVED_FROM,
                    NodeId.datasetField(HIVE, "payments.daily_payments", "total_amount").value()).value()).getAttributes())
                    .containsEntry(Lineage.DECLARED, "true");

            graph.send(List.of(GraphDriver.event(Fixtures.dir("composed").resolve("facets-daily_payments-COMPLETE.json"))));
            assertThat(graph.edges.get(EdgeId.of(RAW, EdgeKind.INPUT_TO, JOB).value()).getAttributes())
                    .containsEntry(Lineage.DECLARED, "true").containsEntry(Lineage.OBSERVED, "true");
            assertThat(graph.edges.get(EdgeId.of(FX, EdgeKind.INPUT_TO, JOB).value()).getAttributes()).doesNotContainKey(Lineage.OBSERVED);
        }
    }

    @Test
    void aDatasetLevelDependencyReachesEveryOutputColumn() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(List.of(GraphDriver.event(Fixtures.dir("composed").resolve("facets-daily_payments-COMPLETE.json"))));
            String userId = NodeId.datasetField(HIVE, "payments.raw_payments", "user_id").value();
            List<GraphEdge> fromUserId = graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.DERIVED_FROM && e.getSource().equals(userId)).toList();
            assertThat(fromUserId).extracting(GraphEdge::getTarget).containsExactlyInAnyOrder(
                    NodeId.datasetField(HIVE, "payments.daily_payments", "counterparty_id").value(),
                    NodeId.datasetField(HIVE, "payments.daily_payments", "total_amount").value());
            assertThat(fromUserId).allSatisfy(e -> assertThat(e.getAttributes())
                    .containsEntry(DerivedFrom.DATASET_LEVEL, "true").containsEntry(DerivedFrom.TRANSFORMATIONS, "INDIRECT/FILTER"));
            // counterparty_id is copied into the output and grouped by: one edge with both transformations.
            GraphEdge both = graph.edges.get(EdgeId.of(NodeId.datasetField(HIVE, "payments.raw_payments", "counterparty_id").value(), EdgeKind.DERIVED_FROM,
                    NodeId.datasetField(HIVE, "payments.daily_payments", "counterparty_id").value()).value());
            assertThat(both.getAttributes()).containsEntry(DerivedFrom.TRANSFORMATIONS, "DIRECT/IDENTITY,INDIRECT/GROUP_BY")
                    .containsEntry(DerivedFrom.DATASET_LEVEL, "true");
        }
    }

    @Test
    void flinkAndTrinoEventsBecomeJobsWithTheirDatasets() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(GraphTopologyTest.fixtures("flink"));
            graph.send(GraphTopologyTest.fixtures("trino"));
            assertThat(graph.nodes.get(NodeId.job("flink-jobs", "insert-into_default_catalog.default_database.kafka_output").value()).getAttributes())
                    .containsEntry(Job.PROCESSING_TYPE, "STREAMING").containsEntry(Job.INTEGRATION, "FLINK");
            assertThat(graph.nodes.get(NodeId.dataset("kafka://kafka-cluster-prod:9092", "io.openlineage.flink.kafka.input1").value()).getAttributes())
                    .containsEntry(Dataset.ALIASES, NodeId.dataset("kafka://kafka-cluster-prod:9092", "default_catalog.default_database.kafka_input").value());
            String trinoOut = NodeId.dataset("trino://trino-integration-test:1337", "marquez.default.test_create_table_as_select_from_table").value();
            assertThat(graph.nodes.values()).anyMatch(n -> n.getKind() == NodeKind.DATASET_VERSION && n.getId().startsWith(trinoOut + "#")
                    && "25".equals(n.getAttributes().get(NodeAttributes.DatasetVersion.ROW_COUNT)));
        }
    }
}
