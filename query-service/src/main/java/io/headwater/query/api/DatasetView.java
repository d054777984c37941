package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.graph.NodeId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A dataset as its producers described it, its schema, the jobs around it and its latest versions with what was measured of each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Dataset", description = "A dataset: what its producers said of it, its schema, the jobs that read and write it, and its latest versions with their row counts and quality")
public record DatasetView(
        @Schema(description = "The dataset's node id, " + NodeId.DATASET_FORM) String nodeId,
        @Schema(description = "The dataset's namespace", example = "hive://metastore.payments:9083") String namespace,
        @Schema(description = "The dataset's name", example = "payments.raw_payments") String name,
        @Schema(description = "Marquez's dataset type: STREAM for a topic or stream, else DB_TABLE", example = "DB_TABLE") String type,
        @Schema(description = "The datasetType facet's type", example = "TABLE") String datasetType,
        @Schema(description = "The documentation facet's description") String description,
        @Schema(description = "Dataset-level tags, key=value") List<String> tags,
        @Schema(description = "The ownership facet's owners") List<String> owners,
        @Schema(description = "The dataset's other names (symlinks facet) as node ids: the storage path a table was sent as, a catalog table name") List<String> aliases,
        @Schema(description = "The catalog facet: catalogName, catalogFramework, catalogType, catalogMetadataUri, catalogWarehouseUri") Map<String, String> catalog,
        @Schema(description = "The schema facet's columns, each with its description and tags") List<Field> fields,
        @Schema(description = "The jobs that write it; declared/observed say whether a JobEvent stated it and whether a run showed it") List<JobLink> writtenBy,
        @Schema(description = "The jobs that read it, marked as writtenBy") List<JobLink> readBy,
        @Schema(description = "The latest versions, newest first") List<Version> versions,
        @Schema(description = "What readers measured when no version of the dataset was known (no writer seen, no datasetVersion facet): a dbt test of a source table") List<ReaderMeasure> measuredReadsWithoutVersion,
        @Schema(description = "When the dataset was first named") Instant createdAt,
        @Schema(description = "When the dataset was last named") Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DatasetField", description = "A column of the dataset")
    public record Field(
            @Schema(description = "The column's name", example = "email_address") String name,
            @Schema(description = "The column's type as the producer gave it", example = "string") String type,
            @Schema(description = "The column's description") String description,
            @Schema(description = "Tags naming this column, key=value") List<String> tags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DatasetJobLink", description = "A job that reads or writes the dataset, and how that is known")
    public record JobLink(
            @Schema(description = "The job's node id, " + NodeId.JOB_FORM) String job,
            @Schema(description = "True when a JobEvent declared it (static lineage)") Boolean declared,
            @Schema(description = "True when a run's events showed it") Boolean observed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DatasetVersionSummary", description = "A version of the dataset and what its writer measured")
    public record Version(
            @Schema(description = "The version's node id") String nodeId,
            @Schema(description = "The version: the datasetVersion facet's value, else the writing run's id") String version,
            @Schema(description = "When the writing run completed") Instant createdAt,
            @Schema(description = "The run that wrote it") String writtenBy,
            @Schema(description = "Rows written (outputStatistics)", example = "3") Long rowCount,
            @Schema(description = "Bytes written (outputStatistics size)", example = "2048") Long bytes,
            @Schema(description = "Files written", example = "1") Long fileCount,
            @Schema(description = "Data quality assertions that passed") Long assertionsPassed,
            @Schema(description = "Data quality assertions that failed") Long assertionsFailed,
            @Schema(description = "What readers measured of this version: one entry per reading run that measured something") List<ReaderMeasure> measuredByReaders,
            @Schema(description = "The writer's column metrics and assertions, when it sent dataQualityMetrics or dataQualityAssertions") Object quality) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DatasetReaderMeasure", description = "What one reading run measured of a version (inputStatistics, dataQualityMetrics, dataQualityAssertions: a dbt test, a Great Expectations run)")
    public record ReaderMeasure(
            @Schema(description = "The reading run's node id") String run,
            @Schema(description = "Rows read") Long rowCount,
            @Schema(description = "Bytes read") Long bytes,
            @Schema(description = "Assertions that passed") Long assertionsPassed,
            @Schema(description = "Assertions that failed") Long assertionsFailed,
            @Schema(description = "The failed assertions' names") List<String> failedAssertions) {
    }
}
