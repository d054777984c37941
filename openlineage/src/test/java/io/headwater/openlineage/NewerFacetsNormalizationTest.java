package io.headwater.openlineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.Assertion;
import io.headwater.avro.ColumnLineage;
import io.headwater.avro.ColumnMetrics;
import io.headwater.avro.DatasetIdentifier;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.InputField;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.Owner;
import io.headwater.avro.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The facets users ask lineage consumers to honour, on events from OpenLineage's own integration tests
 * and the spec's examples (fixtures/openlineage, provenance in SOURCES.md).
 */
class NewerFacetsNormalizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("").toAbsolutePath().getParent().resolve("fixtures/openlineage");
    private final LineageEventNormalizer normalizer = new LineageEventNormalizer();

    @Test
    void aHiveTableWrittenThroughItsStoragePathIsNamedByTheTableAndKeepsThePath() throws IOException {
        LineageEvent event = fixture("spark", "dataproc-hive-14-insert-t1-to-t2-COMPLETE.json");

        assertThat(event.getInputs()).extracting(DatasetRef::getNamespace, DatasetRef::getName)
                .containsExactly(tuple("hive://dataproc-producer-test-m:9083", "default.t1"));
        assertThat(event.getOutputs()).extracting(DatasetRef::getNamespace, DatasetRef::getName)
                .containsExactly(tuple("hive://dataproc-producer-test-m:9083", "default.t2"));
        assertThat(event.getOutputs().get(0).getSymlinks()).extracting(DatasetIdentifier::getNamespace, DatasetIdentifier::getName)
                .containsExactly(tuple("hdfs://dataproc-producer-test-m", "/user/hive/warehouse/t2"));
    }

    @Test
    void columnLineageThatNamesTheStoragePathPointsAtTheTable() throws IOException {
        LineageEvent event = fixture("spark", "cll-08-ctas-COMPLETE.json");

        DatasetRef output = event.getOutputs().get(0);
        assertThat(output.getName()).isEqualTo("default.tbl1");
        assertThat(output.getColumnLineage()).isNotEmpty();
        assertThat(output.getColumnLineage().stream().flatMap(c -> c.getInputs().stream()).map(InputField::getName).distinct())
                .containsExactlyInAnyOrder("default.cll_source1", "default.cll_source2");
    }

    @Test
    void aKafkaTopicKeepsItsNameAndRecordsItsFlinkTable() throws IOException {
        LineageEvent event = fixture("flink", "flink2-sql-kafka-START.json");

        assertThat(event.getJob().getProcessingType()).isEqualTo("STREAMING");
        assertThat(event.getJob().getIntegration()).isEqualTo("FLINK");
        assertThat(event.getJob().getJobType()).isEqualTo("JOB");
        DatasetRef input = event.getInputs().get(0);
        assertThat(input.getName()).isEqualTo("io.openlineage.flink.kafka.input1");
        assertThat(input.getSymlinks()).extracting(DatasetIdentifier::getName, DatasetIdentifier::getType)
                .containsExactly(tuple("default_catalog.default_database.kafka_input", "TABLE"));
        assertThat(input.getFields()).hasSize(5);
    }

    @Test
    void tagsOwnershipDocumentationTypeAndCatalogAreRead() throws IOException {
        LineageEvent event = fixture("composed", "facets-daily_payments-COMPLETE.json");

        assertThat(event.getJob().getOwners()).extracting(Owner::getName, Owner::getType).containsExactly(tuple("team:data-platform", "TEAM"));
        assertThat(event.getJob().getTags()).extracting(Tag::getKey, Tag::getValue).containsExactly(tuple("domain", "finance"));
        assertThat(event.getJob().getDescription()).isEqualTo("Rolls up the day's payments per counterparty.");
        assertThat(event.getRun().getTags()).extracting(Tag::getKey, Tag::getValue).containsExactly(tuple("environment", "production"));
        DatasetRef input = event.getInputs().get(0);
        assertThat(input.getName()).isEqualTo("payments.raw_payments");
        assertThat(input.getDatasetType()).isEqualTo("TABLE");
        assertThat(input.getDatasetSubType()).isEqualTo("EXTERNAL");
        assertThat(input.getCatalog().getFramework()).isEqualTo("hive");
        assertThat(input.getCatalog().getWarehouseUri()).isEqualTo("s3://payments-lake");
        assertThat(input.getTags()).extracting(Tag::getKey, Tag::getValue, Tag::getField)
                .containsExactly(tuple("pii", "true", "email_address"), tuple("slack_channel", "#data-engineering-alerts", null));
        assertThat(input.getOwners()).extracting(Owner::getName).containsExactly("team:payments");
        assertThat(event.getOutputs().get(0).getDescription()).isEqualTo("Daily payment totals per counterparty.");
    }

    @Test
    void statisticsComeFromTheSideOfTheDatasetOrFromItsQualityMetrics() throws IOException {
        LineageEvent event = fixture("composed", "facets-daily_payments-COMPLETE.json");

        DatasetRef input = event.getInputs().get(0);
        assertThat(input.getStatistics().getRowCount()).isEqualTo(10L);
        assertThat(input.getStatistics().getFileCount()).isEqualTo(5L);
        assertThat(input.getQuality().getColumns()).extracting(ColumnMetrics::getColumn, ColumnMetrics::getNullCount, ColumnMetrics::getDistinctCount, ColumnMetrics::getSum)
                .containsExactlyInAnyOrder(tuple("amount", null, null, 6600.0), tuple("counterparty_id", 0L, null, null), tuple("user_id", 0L, 3L, null));
        DatasetRef output = event.getOutputs().get(0);
        assertThat(output.getStatistics().getRowCount()).isEqualTo(3L);
        assertThat(output.getStatistics().getBytes()).isEqualTo(2048L);

        DatasetRef dbtModel = fixture("dbt", "dbt-1.40-model-stg_orders-COMPLETE.json").getOutputs().get(0);
        assertThat(dbtModel.getStatistics().getRowCount()).isEqualTo(7L);
        assertThat(dbtModel.getDescription()).isEqualTo("Cleaned order data excluding cancelled orders");
    }

    @Test
    void dbtTestResultsBecomeAssertionsOnTheTestedDataset() throws IOException {
        LineageEvent event = fixture("dbt", "dbt-1.40-test-raw_customers-COMPLETE.json");

        assertThat(event.getJob().getJobType()).isEqualTo("TEST");
        DatasetRef tested = event.getInputs().get(0);
        assertThat(tested.getQuality().getAssertions()).hasSize(4).allMatch(Assertion::getSuccess);
        assertThat(tested.getQuality().getAssertions()).extracting(Assertion::getAssertion)
                .contains("source_not_null_raw_data_raw_customers_email", "source_unique_raw_data_raw_customers_customer_id");
    }

    @Test
    void columnLineageKeepsTransformationTypesAndDatasetLevelDependencies() throws IOException {
        DatasetRef output = fixture("composed", "facets-daily_payments-COMPLETE.json").getOutputs().get(0);

        assertThat(output.getColumnLineage()).extracting(ColumnLineage::getField).containsExactlyInAnyOrder("counterparty_id", "total_amount");
        assertThat(output.getColumnLineage().stream().filter(c -> c.getField().equals("total_amount")).findFirst().orElseThrow().getInputs())
                .extracting(InputField::getName, InputField::getField, i -> i.getTransformations())
                .containsExactly(tuple("payments.raw_payments", "amount", java.util.List.of("DIRECT/AGGREGATION")));
        assertThat(output.getDatasetDependencies()).extracting(InputField::getField, i -> i.getTransformations())
                .containsExactly(tuple("user_id", java.util.List.of("INDIRECT/FILTER")), tuple("counterparty_id", java.util.List.of("INDIRECT/GROUP_BY")));

        DatasetRef trino = fixture("trino", "trino-ctas-nation-COMPLETE.json").getOutputs().get(0);
        assertThat(trino.getDatasetDependencies()).extracting(InputField::getName).containsOnly("tpch.tiny.nation").hasSize(4);
        assertThat(trino.getColumnLineage()).hasSize(4);
    }

    @Test
    void aJobEventDeclaresItsJobsDatasetsAndColumnLineage() throws IOException {
        LineageEvent event = fixture("composed", "static-daily_payments-JOB.json");

        assertThat(event.getKind()).isEqualTo(LineageEventKind.JOB);
        assertThat(event.getRun()).isNull();
        assertThat(event.getInputs()).extracting(DatasetRef::getName).containsExactly("payments.raw_payments", "payments.fx_rates");
        assertThat(event.getOutputs().get(0).getColumnLineage().get(0).getInputs()).hasSize(2);
        assertThat(LineageEventNormalizer.partitionKey(event)).isEqualTo("job:payments:daily_payments_rollup");
    }

    private LineageEvent fixture(String set, String file) throws IOException {
        String raw = Files.readString(FIXTURES.resolve(set).resolve(file));
        return normalizer.normalize(JSON.readTree(raw), raw, Instant.parse("2026-12-01T12:00:00Z"));
    }
}
