package io.headwater.kafka.errors;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadReplacingHandlerTest {

    @Test
    void aDeadThreadIsReplacedAndRememberedWithoutTheRecordsContent() {
        ThreadReplacingHandler handler = new ThreadReplacingHandler();
        assertThat(handler.lastFailure()).isNull();

        StreamsException died = new StreamsException("Exception caught in process. taskId=0_3, processor=KSTREAM-SOURCE-0000000000, "
                + "topic=headwater.lineage.v1, partition=3, offset=42",
                new IllegalStateException("secret customer-4711 payload"));
        assertThat(handler.handle(died)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);

        ThreadReplacingHandler.Failure failure = handler.lastFailure();
        assertThat(failure).isNotNull();
        assertThat(failure.what()).contains("StreamsException", "taskId=0_3", "offset=42", "caused by IllegalStateException")
                .doesNotContain("customer-4711");
    }

    @Test
    void threadsThatKeepDyingStopTheClientForARestart() {
        ThreadReplacingHandler handler = new ThreadReplacingHandler();
        for (int i = 0; i < ThreadReplacingHandler.MAX_REPLACEMENTS; i++) {
            assertThat(handler.handle(new RuntimeException("boom"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(handler.handle(new RuntimeException("boom"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(handler.lastFailure().what()).isEqualTo("RuntimeException");
    }
}
