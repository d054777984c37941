package io.headwater.health;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsStatesTest {

    @Test
    void everyStateIsSaidInWords() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            assertThat(StreamsStates.meaning(state)).as(state.name()).isNotBlank().doesNotContain(state.name());
        }
        assertThat(StreamsStates.meaning(KafkaStreams.State.REBALANCING)).contains("restored", "by itself");
        assertThat(StreamsStates.meaning(KafkaStreams.State.ERROR)).contains("restarts");
    }

    @Test
    void registryUrlsShowWhereNotWho() {
        assertThat(RegistryReadiness.redacted("https://svc:s3cret@registry.example:8081,http://other:8081"))
                .isEqualTo("https://***@registry.example:8081,http://other:8081");
    }
}
