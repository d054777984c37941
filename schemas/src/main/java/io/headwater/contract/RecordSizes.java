package io.headwater.contract;

/**
 * The one size limit every part agrees on, from HTTP to Kafka record: topics are created with
 * {@code max.message.bytes} of {@link #MAX_RECORD_BYTES}, every producer (ingest, lineage-streams,
 * query-service) sends with {@code max.request.size} of the same, and whatever a service builds from
 * an accepted event is kept below {@link #STATE_RECORD_BYTES} (ingest's largest event, 5 MiB by
 * default, is well under it; lineage-streams trims run histories to {@link #STATE_RECORD_BYTES}).
 */
public final class RecordSizes {

    /** Largest record on any Headwater topic (topic max.message.bytes, producer max.request.size). */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;
    /** Largest record a service builds itself (a run's history, an event's normalised fields): room to spare under the limit. */
    public static final int STATE_RECORD_BYTES = 4 * 1024 * 1024;
    /** Longest string kept in derived state (a SQL text, a stack trace, a facet value); longer ones are truncated with a marker. */
    public static final int MAX_STATE_STRING_CHARS = 16 * 1024;

    private RecordSizes() {
    }
}
