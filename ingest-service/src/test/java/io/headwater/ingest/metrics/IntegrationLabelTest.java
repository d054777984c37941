package io.headwater.ingest.metrics;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationLabelTest {

    @Test
    void namesTheIntegrationOfARealProducerUrl() {
        // The producers of the fixtures' events (src/test/resources: Spark, Airflow, dbt) and of Headwater's clients.
        assertThat(IntegrationLabel.of("https://github.com/OpenLineage/OpenLineage/tree/1.53.0/integration/spark")).isEqualTo("spark");
        assertThat(IntegrationLabel.of("https://github.com/apache/airflow/tree/providers-openlineage/1.14.0")).isEqualTo("airflow");
        assertThat(IntegrationLabel.of("https://github.com/OpenLineage/OpenLineage/tree/0.30.0/integration/airflow")).isEqualTo("airflow");
        assertThat(IntegrationLabel.of("https://github.com/OpenLineage/OpenLineage/tree/1.26.0/integration/dbt")).isEqualTo("dbt");
        assertThat(IntegrationLabel.of("https://github.com/OpenLineage/OpenLineage/blob/v1-0-0/client")).isEqualTo("other");
        assertThat(IntegrationLabel.of("https://github.com/headwater-dev/headwater/tree/0.1.0/clients/python")).isEqualTo("headwater-python");
        assertThat(IntegrationLabel.of(null)).isEqualTo("unknown");
    }

    @Test
    void whatASenderWritesCannotGrowTheLabelsValues() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            values.add(IntegrationLabel.of("https://evil.example/integration/" + UUID.randomUUID()));
            values.add(IntegrationLabel.of("churn/" + i));
            values.add(IntegrationLabel.of(UUID.randomUUID().toString()));
        }
        assertThat(values).containsExactly("other");
    }
}
