package io.headwater.query.admission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraversalGateTest {

    @Test
    void requestsBeyondTheSlotsAreRefusedAtOnceAndSlotsComeBack() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TraversalGate gate = new TraversalGate(Optional.of(2), Duration.ofMillis(50), metrics);
        TraversalGate.Permit first = gate.enter();
        TraversalGate.Permit second = gate.enter();
        long started = System.nanoTime();
        assertThatThrownBy(gate::enter).isInstanceOf(TraversalGate.OverloadedException.class).hasMessageContaining("2 traversal slots");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(metrics.counter("headwater.query.traversals.refused").count()).isEqualTo(1);
        first.close();
        first.close();
        gate.enter().close();
        second.close();
        assertThat(metrics.get("headwater.query.traversals.running").gauge().value()).isZero();
    }
}
