package io.headwater.contract.graph;

import io.headwater.avro.EdgeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeIdTest {

    @Test
    void anEdgeIdIsItsSourceKindAndTargetAndParsesBack() {
        EdgeId edge = EdgeId.of("dataset:postgres://db:5432:orders#v1", EdgeKind.READ, "run:r1");
        assertThat(edge.value()).isEqualTo("dataset:postgres://db:5432:orders#v1\u001fREAD\u001frun:r1");
        assertThat(EdgeId.tryParse(edge.value())).contains(edge);
    }

    @Test
    void whatIsNoEdgeIdIsRefused() {
        assertThat(EdgeId.tryParse("a\u001fb")).isEmpty();
        assertThat(EdgeId.tryParse("a\u001fNOT_A_KIND\u001fb")).isEmpty();
    }
}
