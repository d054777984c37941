package io.headwater.query.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookLanesTest {

    @Test
    void aReceiverThatNeverAnswersDelaysOnlyItsOwnLane() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        WebhookLanes lanes = new WebhookLanes(2, metrics);
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch good = new CountDownLatch(3);
        try {
            // The slow subscription: one delivery hangs, two wait, the fourth is dropped (bounded).
            assertThat(lanes.submit("slow", () -> await(hung))).isTrue();
            Thread.sleep(50);
            assertThat(lanes.submit("slow", () -> { })).isTrue();
            assertThat(lanes.submit("slow", () -> { })).isTrue();
            assertThat(lanes.submit("slow", () -> { })).isFalse();
            assertThat(metrics.counter("headwater.webhook.deliveries", "outcome", "dropped").count()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                assertThat(lanes.submit("good", good::countDown)).isTrue();
            }
            assertThat(good.await(2, TimeUnit.SECONDS)).as("the good receiver's deliveries go through while the slow one hangs").isTrue();
            assertThat(lanes.backlog()).containsEntry("slow", 3);
        } finally {
            hung.countDown();
            lanes.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
