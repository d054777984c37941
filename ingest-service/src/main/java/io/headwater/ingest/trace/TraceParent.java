package io.headwater.ingest.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C trace context (traceparent: 00-&lt;trace id&gt;-&lt;parent id&gt;-&lt;flags&gt;) an event is followed by: the caller's trace
 * continued with a span of ingest's own, or a new trace where the caller sent none (or one that is not valid). It goes
 * with the event onto Kafka as a header, and Kafka Streams carries it to the graph facts the event produced.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    /** All-zero ids are invalid (W3C trace context). */
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceParent() {
    }

    /** The traceparent ingest sends on: the caller's trace id and flags with a new span id, or a new sampled trace. */
    public static String continueOrStart(String incoming) {
        var match = incoming == null ? null : VALID.matcher(incoming.trim().toLowerCase(java.util.Locale.ROOT));
        if (match != null && match.matches() && !match.group(1).equals(ZERO_TRACE) && !match.group(2).equals(ZERO_SPAN)) {
            return "00-" + match.group(1) + "-" + hex(8) + "-" + match.group(3);
        }
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
