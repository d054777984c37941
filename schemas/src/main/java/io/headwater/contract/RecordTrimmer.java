package io.headwater.contract;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shrinks an Avro record that is too large to keep, the same way whatever order it arrives in:
 * strings longer than a bound are cut and end with {@link #MARKER}; if that is not enough, arrays
 * and maps keep only their first entries (maps by sorted key). Fields named in {@code keep} are
 * left whole (ingest keeps an event's raw JSON verbatim and trims only the normalised copy).
 */
public final class RecordTrimmer {

    /** Ends every truncated string, so a reader can tell a cut value from a whole one. */
    public static final String MARKER = "…[truncated by Headwater: %d more characters; the whole event is kept verbatim on " + Topics.LINEAGE.name() + "]";
    private static final int[] ITEM_STEPS = {Integer.MAX_VALUE, 1000, 100, 10, 0};
    /** One writer per generated class: building one resolves the schema, which costs more than the write itself. */
    private static final java.util.Map<Class<?>, SpecificDatumWriter<Object>> WRITERS = new java.util.concurrent.ConcurrentHashMap<>();

    private RecordTrimmer() {
    }

    /** The record's size as Avro binary (what a serializer writes, less its 5-byte header). */
    @SuppressWarnings("unchecked")
    public static int size(SpecificRecordBase record) {
        CountingStream counter = new CountingStream();
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
            WRITERS.computeIfAbsent(record.getClass(), type -> new SpecificDatumWriter<>((Class<Object>) type)).write(record, encoder);
            encoder.flush();
            return counter.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A value Avro cannot encode is not ours to size; the producer reports it.
            return 0;
        }
    }

    /**
     * The record itself when it fits in maxBytes; else a trimmed copy (strings cut to maxChars, then fewer
     * array and map entries) that fits, as far as trimming can make it.
     */
    public static <T extends SpecificRecordBase> T fit(T record, int maxBytes, int maxChars, Set<String> keep) {
        return fitSized(record, maxBytes, maxChars, keep).record();
    }

    /** A record as {@link #fit} leaves it, with its size as Avro binary (measured on the way, so free). */
    public record Fitted<T>(T record, int bytes) {
    }

    /** {@link #fit}, with the size of what it returns. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecordBase> Fitted<T> fitSized(T record, int maxBytes, int maxChars, Set<String> keep) {
        int bytes = size(record);
        if (bytes <= maxBytes) {
            return new Fitted<>(record, bytes);
        }
        T trimmed = record;
        SpecificData model = SpecificData.getForClass(record.getClass());
        for (int items : ITEM_STEPS) {
            trimmed = (T) trim(model, model.deepCopy(record.getSchema(), record), record.getSchema(), maxChars, items, keep);
            bytes = size(trimmed);
            if (bytes <= maxBytes) {
                return new Fitted<>(trimmed, bytes);
            }
        }
        return new Fitted<>(trimmed, bytes);
    }

    private static final class CountingStream extends java.io.OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Whether a string was cut by this trimmer. */
    public static boolean isTruncated(CharSequence value) {
        return value != null && value.toString().contains("[truncated by Headwater: ");
    }

    private static Object trim(SpecificData model, Object value, Schema schema, int maxChars, int maxItems, Set<String> keep) {
        if (value == null) {
            return null;
        }
        switch (schema.getType()) {
            case UNION:
                return trim(model, value, schema.getTypes().get(model.resolveUnion(schema, value)), maxChars, maxItems, keep);
            case RECORD:
                SpecificRecord record = (SpecificRecord) value;
                for (Schema.Field field : schema.getFields()) {
                    if (!keep.contains(field.name())) {
                        record.put(field.pos(), trim(model, record.get(field.pos()), field.schema(), maxChars, maxItems, keep));
                    }
                }
                return record;
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    if (items.size() >= maxItems) {
                        break;
                    }
                    items.add(trim(model, item, schema.getElementType(), maxChars, maxItems, keep));
                }
                return items;
            case MAP:
                Map<String, Object> entries = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> entries.put(k.toString(), v));
                Map<String, Object> kept = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, Object> entry : entries.entrySet()) {
                    if (kept.size() >= maxItems) {
                        break;
                    }
                    kept.put(entry.getKey(), trim(model, entry.getValue(), schema.getValueType(), maxChars, maxItems, keep));
                }
                return kept;
            case STRING:
                String text = value.toString();
                return text.length() <= maxChars ? value : text.substring(0, maxChars) + MARKER.formatted(text.length() - maxChars);
            default:
                return value;
        }
    }
}
