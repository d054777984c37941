package io.headwater.streams.versions;

import io.headwater.avro.Assertion;
import io.headwater.avro.DataQuality;
import io.headwater.avro.DatasetAccess;
import io.headwater.avro.DatasetStatistics;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeAttributes.Measures;
import io.headwater.contract.graph.NodeDetails;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a producer measured of the dataset version it wrote or read: row, byte and file counts and
 * assertion results as attributes (of the version node for a writer, of the READ edge for a reader),
 * column metrics and each assertion in the version's detail.
 */
final class Measurements {

    private Measurements() {
    }

    static Map<String, String> attributes(DatasetAccess access) {
        Map<String, String> attributes = new TreeMap<>();
        DatasetStatistics statistics = access.getStatistics();
        if (statistics != null) {
            put(attributes, Measures.ROW_COUNT, statistics.getRowCount());
            put(attributes, Measures.BYTES, statistics.getBytes());
            put(attributes, Measures.FILE_COUNT, statistics.getFileCount());
        }
        DataQuality quality = access.getQuality();
        if (quality != null && !quality.getAssertions().isEmpty()) {
            long passed = quality.getAssertions().stream().filter(Assertion::getSuccess).count();
            attributes.put(Measures.ASSERTIONS_PASSED, String.valueOf(passed));
            attributes.put(Measures.ASSERTIONS_FAILED, String.valueOf(quality.getAssertions().size() - passed));
            String failed = String.join(NodeAttributes.LIST_SEPARATOR, quality.getAssertions().stream()
                    .filter(a -> !a.getSuccess()).map(a -> a.getAssertion().replace(NodeAttributes.LIST_SEPARATOR, " ")).sorted().toList());
            if (!failed.isEmpty()) {
                attributes.put(Measures.FAILED_ASSERTIONS, failed);
            }
        }
        return attributes;
    }

    /** The version's detail: column metrics and assertions; null when nothing was measured. */
    static String detail(DatasetAccess access) {
        DataQuality quality = access.getQuality();
        if (quality == null) {
            return null;
        }
        return NodeDetails.write(new NodeDetails.DatasetVersion(
                quality.getColumns().stream().map(c -> new NodeDetails.ColumnMetrics(c.getColumn(), c.getNullCount(), c.getDistinctCount(), c.getSum(),
                        c.getCount(), c.getMin(), c.getMax())).toList(),
                quality.getAssertions().stream().map(a -> new NodeDetails.Assertion(a.getAssertion(), a.getSuccess(), a.getColumn())).toList()));
    }

    private static void put(Map<String, String> attributes, String key, Long value) {
        if (value != null) {
            attributes.put(key, String.valueOf(value));
        }
    }
}
