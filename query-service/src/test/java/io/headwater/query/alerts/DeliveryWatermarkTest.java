package io.headwater.query.alerts;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryWatermarkTest {

    private static final TopicPartition P = new TopicPartition("headwater.alerts.v1", 0);

    @Test
    void commitsOnlyBelowTheOldestDeliveryInFlight() {
        DeliveryWatermark marks = new DeliveryWatermark();
        marks.read(P, 10, 2);
        marks.read(P, 11, 0);
        marks.read(P, 12, 1);
        assertThat(marks.committable().get(P).offset()).isEqualTo(10);
        marks.done(P, 12);
        assertThat(marks.committable().get(P).offset()).isEqualTo(10);
        marks.done(P, 10);
        assertThat(marks.committable().get(P).offset()).isEqualTo(10);
        marks.done(P, 10);
        assertThat(marks.committable().get(P).offset()).isEqualTo(13);
        assertThat(marks.inFlight()).isZero();
        marks.forget(List.of(P));
        assertThat(marks.committable()).isEmpty();
    }
}
