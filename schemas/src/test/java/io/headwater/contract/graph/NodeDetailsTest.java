package io.headwater.contract.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeDetailsTest {

    @Test
    void aRunDetailRoundTripsAndLeavesOutWhatItDoesNotHave() {
        NodeDetails.Run run = new NodeDetails.Run(Map.of("alpha", "0.1"), List.of(new NodeDetails.Metric("loss", 0.25, 3L, null)), null, null, null, 2);
        String json = NodeDetails.write(run);
        assertThat(json).isEqualTo("{\"parameters\":{\"alpha\":\"0.1\"},\"metrics\":[{\"name\":\"loss\",\"value\":0.25,\"step\":3}],\"eventCount\":2}");
        assertThat(NodeDetails.read(json, NodeDetails.Run.class)).contains(run);
    }

    @Test
    void readersIgnoreFieldsTheyDoNotKnowAndDefaultWhatIsMissing() {
        NodeDetails.Environment environment = NodeDetails.read("{\"packages\":{\"numpy\":\"2.1\"},\"addedLater\":true}", NodeDetails.Environment.class)
                .orElseThrow();
        assertThat(environment.packages()).containsEntry("numpy", "2.1");
        assertThat(environment.gpus()).isEmpty();
    }

    @Test
    void anUnreadableDetailIsNone() {
        assertThat(NodeDetails.read("{not json", NodeDetails.Run.class)).isEmpty();
        assertThat(NodeDetails.read(null, NodeDetails.Run.class)).isEmpty();
    }

    @Test
    void aModelVersionDetailKeepsItsProfile() {
        NodeDetails.ModelVersion detail = new NodeDetails.ModelVersion(
                List.of(new NodeDetails.Feature("age", "NUMERIC", List.of(0.0, 10.0), List.of(5L), Map.of())), Map.of("auc", 0.9));
        assertThat(NodeDetails.read(NodeDetails.write(detail), NodeDetails.ModelVersion.class)).contains(detail);
    }
}
