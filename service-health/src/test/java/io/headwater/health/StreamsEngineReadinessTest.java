package io.headwater.health;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsEngineReadinessTest {

    @Test
    void everyStateIsSaidInWords() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            assertThat(StreamsEngineReadiness.meaning(state)).as(state.name()).isNotBlank().doesNotContain(state.name());
        }
        assertThat(StreamsEngineReadiness.meaning(KafkaStreams.State.REBALANCING)).contains("restored", "by itself");
        assertThat(StreamsEngineReadiness.meaning(KafkaStreams.State.ERROR)).contains("restarts");
    }

    @Test
    void registryUrlsShowWhereNotWho() {
        assertThat(RegistryReadiness.redacted("https://svc:s3cret@registry.example:8081,http://other:8081"))
                .isEqualTo("https://***@registry.example:8081,http://other:8081");
    }
}
