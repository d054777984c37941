package io.headwater.query.access;

import io.headwater.query.api.GraphAnswer;
import io.headwater.query.api.RunDetails.DataRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private static final Map<String, String> JOBS = Map.of("run:a", "job:ml:train", "run:b", "job:spark:etl");

    private static Redaction scopedTo(String... namespaces) {
        return new Redaction(new ReadScope(Set.of(namespaces)), run -> Optional.ofNullable(JOBS.get(run)));
    }

    @Test
    void aRunLiesInItsJobsNamespaceAndAnUnknownRunIsHidden() {
        Redaction r = scopedTo("ml");
        assertThat(r.hides("run:a")).isFalse();
        assertThat(r.hides("run:b")).isTrue();
        assertThat(r.hides("run:unknown")).isTrue();
        assertThat(r.hides("dataset:ml:features#3")).isFalse();
        assertThat(r.hides("dataset:gs://bucket:raw.csv")).isTrue();
        assertThat(r.hides("model:churn#7")).as("kinds without a namespace are seen by every reader").isFalse();
        assertThat(r.hides("not a node id")).isFalse();
    }

    @Test
    void theSameNodeHasTheSameAliasEverywhereAndEachIsCounted() {
        Redaction r = scopedTo("ml");
        assertThat(r.show("run:b")).isEqualTo("redacted:1");
        assertThat(r.show("dataset:spark:out")).isEqualTo("redacted:2");
        assertThat(r.show("run:b")).isEqualTo("redacted:1");
        assertThat(r.show("run:a")).isEqualTo("run:a");
        assertThat(r.summary().nodes()).isEqualTo(2);
        assertThat(r.summary().readableNamespaces()).containsExactly("ml");
    }

    @Test
    void aHiddenDatasetKeepsItsRoleButNotItsNameVersionOrWriter() {
        DataRef shown = scopedTo("ml").show(new DataRef("dataset:spark:out", "dataset:spark:out#v1", "v1", "training", null, "run:b"));
        assertThat(shown.dataset()).startsWith("redacted:");
        assertThat(shown.datasetVersion()).startsWith("redacted:").isNotEqualTo(shown.dataset());
        assertThat(shown.version()).isNull();
        assertThat(shown.role()).isEqualTo("training");
        assertThat(shown.writtenBy()).startsWith("redacted:");
    }

    @Test
    void aGraphKeepsItsShapeAndAVisibleNodeNamesNoHiddenNeighbour() {
        GraphAnswer graph = new GraphAnswer(List.of(
                new GraphAnswer.Node("run:a", "RUN", "a", Map.of("job", "job:ml:train", "parentRun", "run:b"), null),
                new GraphAnswer.Node("run:b", "RUN", "b", Map.of("job", "job:spark:etl"), null)),
                List.of(new GraphAnswer.Edge("run:b", "run:a", "CHILD_OF", null, null)));
        GraphAnswer shown = scopedTo("ml").show(graph);
        assertThat(shown.nodes()).hasSize(2);
        assertThat(shown.nodes().get(0).attributes()).containsEntry("parentRun", "redacted:1").containsEntry("job", "job:ml:train");
        assertThat(shown.nodes().get(1)).isEqualTo(new GraphAnswer.Node("redacted:1", "RUN", null, null, true));
        assertThat(shown.edges().get(0).origin()).isEqualTo("redacted:1");
        assertThat(shown.toString()).doesNotContain("spark", "run:b");
    }

    @Test
    void nestedValuesAreShownThroughTheScopeAndAnUnscopedReaderSeesAll() {
        Object data = Map.of("inputs", List.of(Map.of("nodeId", "dataset:spark:out")), "name", "train");
        assertThat(scopedTo("ml").showAll(data).toString()).doesNotContain("spark").contains("redacted:1", "train");
        Redaction everything = new Redaction(ReadScope.EVERYTHING, run -> Optional.empty());
        assertThat(everything.hides("run:unknown")).isFalse();
        assertThat(everything.summary()).isNull();
    }
}
