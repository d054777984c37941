package io.headwater.kafka.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the record.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE).putInt(schemaId);
    }

    /** Reads the header and returns the schema id, leaving the buffer at the Avro payload. */
    static int readHeader(ByteBuffer buffer, String topic) {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new SerializationException("record on " + topic + " is " + buffer.remaining()
                    + " bytes, too short for the schema registry wire format");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("record on " + topic + " starts with byte " + magic
                    + ", not the schema registry magic byte 0");
        }
        return buffer.getInt();
    }
}
