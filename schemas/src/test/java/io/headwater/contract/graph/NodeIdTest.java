package io.headwater.contract.graph;

import io.headwater.avro.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdTest {

    private static final List<NodeId> EXAMPLES = List.of(
            NodeId.dataset("postgres://db.example.com:5432", "public.orders"),
            NodeId.datasetVersion("s3://lake", "customers", "0f9c1c52-5a52-4e1f-9f1e-1d1f5f0b9e11"),
            NodeId.datasetField("file", "/srv/out/revenue", "total"),
            NodeId.datasetField("postgres://db:5432", "public.orders", "amount"),
            NodeId.job("airflow", "etl.extract"),
            NodeId.jobVersion("spark://master:7077", "job1.sql", "ab12cd"),
            NodeId.run("01938c3e-7b34-7000-8000-000000000001"),
            NodeId.model("churn"),
            NodeId.modelVersion("churn", "7"),
            NodeId.environment("e3b0c442"),
            NodeId.alert("churn#7|age|psi"),
            NodeId.decision("dec-42"));

    @Test
    void builtIdsKeepMarquezForms() {
        assertThat(NodeId.dataset("postgres://db:5432", "public.orders").value()).isEqualTo("dataset:postgres://db:5432:public.orders");
        assertThat(NodeId.datasetVersion("ns", "d", "v1").value()).isEqualTo("dataset:ns:d#v1");
        assertThat(NodeId.job("ns", "j").value()).isEqualTo("job:ns:j");
        assertThat(NodeId.run("u").value()).isEqualTo("run:u");
        assertThat(NodeId.modelVersion("churn", "7").value()).isEqualTo("model:churn#7");
        assertThat(NodeId.datasetField("ns", "d", "f").value()).isEqualTo("datasetField:ns:d:f");
    }

    @Test
    void everyKindParsesBackToItsParts() {
        for (NodeId id : EXAMPLES) {
            assertThat(NodeId.parse(id.value())).as(id.value()).isEqualTo(id);
        }
    }

    @Test
    void namespacesWithColonsSplitAtTheLastColon() {
        NodeId id = NodeId.parse("dataset:postgres://db.example.com:5432:public.orders#v3");
        assertThat(id.kind()).isEqualTo(NodeKind.DATASET_VERSION);
        assertThat(id.namespace()).isEqualTo("postgres://db.example.com:5432");
        assertThat(id.name()).isEqualTo("public.orders");
        assertThat(id.version()).isEqualTo("v3");
        assertThat(id.unversioned().value()).isEqualTo("dataset:postgres://db.example.com:5432:public.orders");
    }

    @Test
    void versionsAndFieldsKnowWhatTheyBelongTo() {
        assertThat(NodeId.modelVersion("churn", "7").unversioned()).isEqualTo(NodeId.model("churn"));
        assertThat(NodeId.jobVersion("ns", "j", "h").unversioned()).isEqualTo(NodeId.job("ns", "j"));
        assertThat(NodeId.datasetField("ns", "d", "f").unversioned()).isEqualTo(NodeId.dataset("ns", "d"));
        assertThat(NodeId.run("r").unversioned()).isEqualTo(NodeId.run("r"));
        assertThat(NodeId.datasetField("ns", "d", "f").value()).startsWith(NodeId.fieldIdPrefix("ns", "d"));
        assertThat(NodeId.modelVersion("churn", "7").label()).isEqualTo("churn#7");
        assertThat(NodeId.datasetField("ns", "d", "f").label()).isEqualTo("d:f");
    }

    @Test
    void documentedFormsAreWhatIsBuilt() {
        assertThat(NodeId.DATASET_FORM).isEqualTo(NodeId.dataset("<namespace>", "<name>").value());
        assertThat(NodeId.DATASET_VERSION_FORM).isEqualTo(NodeId.datasetVersion("<namespace>", "<name>", "<version>").value());
        assertThat(NodeId.FIELD_FORM).isEqualTo(NodeId.datasetField("<namespace>", "<name>", "<field>").value());
        assertThat(NodeId.JOB_FORM).isEqualTo(NodeId.job("<namespace>", "<name>").value());
        assertThat(NodeId.RUN_FORM).isEqualTo(NodeId.run("<runId>").value());
        assertThat(NodeId.MODEL_VERSION_FORM).isEqualTo(NodeId.modelVersion("<name>", "<version>").value());
    }

    @Test
    void whatIsNoNodeIdIsRefusedWithTheForms() {
        for (String bad : List.of("", "run:", "dataset:onlyone", "dataset::x", "table:a:b", "model:#7", "model:churn#", "dataset:a:b#",
                "datasetField:ns:d", "plain")) {
            assertThat(NodeId.tryParse(bad)).as(bad).isEmpty();
        }
        assertThat(NodeId.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> NodeId.parse("table:a:b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset:<namespace>:<name>");
    }

    @Test
    void aVersionGivenApartNamesTheVersionOfThatDatasetJobOrModel() {
        assertThat(NodeId.parse("dataset:file:/data/orders").atVersion("v 7")).isEqualTo(NodeId.datasetVersion("file", "/data/orders", "v 7"));
        assertThat(NodeId.parse("job:spark:etl").atVersion("abc")).isEqualTo(NodeId.jobVersion("spark", "etl", "abc"));
        assertThat(NodeId.parse("model:churn").atVersion("3").value()).isEqualTo("model:churn#3");
        assertThatThrownBy(() -> NodeId.parse("model:churn#3").atVersion("4")).hasMessageContaining("names a version already");
        assertThatThrownBy(() -> NodeId.run("r1").atVersion("4")).hasMessageContaining("a run has no versions");
    }
}
