package io.headwater.query.runs;

import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails.Code;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails.EnvironmentDetails;
import io.headwater.query.api.RunDetails.MetricValue;
import io.headwater.query.api.RunDetails;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunComparisonsTest {

    private static RunDetails run(String id, String lr, double finalAuc, String commit, String sklearn, String dataVersion, String gpu) {
        return new RunDetails("run:" + id, id, "job:ml:train", "COMPLETE", null, null, null, null, List.of(),
                Map.of("learning_rate", lr, "epochs", "20"),
                List.of(new MetricValue("auc", 0.5, 1L, null), new MetricValue("auc", finalAuc, 2L, null)),
                new Code("job:ml:train#" + commit, "https://git.example.com/ml.git", null, "train.py", commit, "main", null, null, null, null, null),
                new EnvironmentDetails("environment:" + sklearn, "python", "3.11", "Linux", null, null, Map.of("scikit-learn", sklearn, "numpy", "1.26"),
                        gpu == null ? List.of() : List.of(Map.of("model", gpu))),
                List.of(new DataRef("dataset:s3://lake:customers", dataVersion == null ? null : "dataset:s3://lake:customers#" + dataVersion, dataVersion,
                        "training", null, null)),
                List.of(), List.of());
    }

    @Test
    void eachParameterMetricCodeEnvironmentPackageAndInputIsOneRowSayingWhetherItDiffers() {
        RunComparison comparison = RunComparisons.of(List.of(run("a", "0.05", 0.91, "c1", "1.3.2", "v3", "NVIDIA H200"),
                run("b", "0.1", 0.88, "c2", "1.4.0", "v3", "NVIDIA H200")));
        assertThat(comparison.runs()).containsExactly("run:a", "run:b");
        assertThat(row(comparison.parameters(), "learning_rate")).isEqualTo(new RunComparison.Row("learning_rate", Arrays.asList("0.05", "0.1"), true));
        assertThat(row(comparison.parameters(), "epochs").differs()).isFalse();
        assertThat(row(comparison.metrics(), "auc").values()).as("the last step's value").containsExactly(0.91, 0.88);
        assertThat(row(comparison.code(), "commit").differs()).isTrue();
        assertThat(row(comparison.code(), "repoUrl").differs()).isFalse();
        assertThat(row(comparison.packages(), "scikit-learn").values()).containsExactly("1.3.2", "1.4.0");
        assertThat(row(comparison.packages(), "numpy").differs()).isFalse();
        assertThat(row(comparison.environment(), "gpus").values()).containsExactly("NVIDIA H200", "NVIDIA H200");
        assertThat(row(comparison.data(), "dataset:s3://lake:customers (training)").differs()).isFalse();
        // learning_rate, auc, commit, jobVersion, environment id, scikit-learn
        assertThat(comparison.differences()).isEqualTo(6);
    }

    @Test
    void whatOneRunLacksIsNullInItsColumnAndCountsAsADifference() {
        RunComparison comparison = RunComparisons.of(List.of(run("a", "0.05", 0.9, "c1", "1.3.2", "v3", "NVIDIA H200"),
                run("b", "0.05", 0.9, "c1", "1.3.2", null, null)));
        assertThat(row(comparison.environment(), "gpus").values()).containsExactly("NVIDIA H200", null);
        assertThat(row(comparison.data(), "dataset:s3://lake:customers (training)").values()).containsExactly("v3", "(unversioned)");
        assertThat(comparison.differences()).isEqualTo(2);
    }

    private static RunComparison.Row row(List<RunComparison.Row> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
    }
}
