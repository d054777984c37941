package io.headwater.kafka.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Confluent's wire format: magic byte 0, the schema id as 4 big-endian bytes, then the Avro payload. */
class WireFormatTest {

    @Test
    void theHeaderIsTheMagicByteAndTheSchemaIdBigEndian() {
        ByteBuffer buffer = ByteBuffer.allocate(7);
        WireFormat.writeHeader(buffer, 258);
        buffer.put((byte) 42).put((byte) 43);
        assertThat(buffer.array()).startsWith(0, 0, 0, 1, 2);
        buffer.flip();
        assertThat(WireFormat.readHeader(buffer, "t")).isEqualTo(258);
        assertThat(buffer.get()).as("left at the payload").isEqualTo((byte) 42);
    }

    @Test
    void aRecordThatIsNotInTheFormatIsRefusedSayingWhy() {
        assertThatThrownBy(() -> WireFormat.readHeader(ByteBuffer.wrap(new byte[]{0, 1}), "headwater.lineage.v1"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short").hasMessageContaining("headwater.lineage.v1");
        assertThatThrownBy(() -> WireFormat.readHeader(ByteBuffer.wrap(new byte[]{'{', 0, 0, 0, 1, 2}), "t"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
    }
}
