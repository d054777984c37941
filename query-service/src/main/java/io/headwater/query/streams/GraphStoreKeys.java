package io.headwater.query.streams;

/**
 * Key layouts of the stores. The adjacency store holds one record per edge and direction, so a hub
 * dataset read by a million runs is a million small records found by prefix scan, never one huge value:
 * <pre>
 *   o␟source␟KIND␟target   out-edges of source
 *   i␟target␟KIND␟source   in-edges of target
 *   e␟edgeId                the edge by id, to find both entries when it is retracted
 * </pre>
 * The node store holds each node and the indexes that list and search answer from:
 * <pre>
 *   n␟id                    the node
 *   k␟KIND␟id               nodes by kind (model inventory, search by name)
 *   a␟attribute␟value␟id    nodes by a searchable attribute (commit, image digest, image)
 * </pre>
 * The decision index (partitioned by model version) holds:
 * <pre>
 *   c␟modelVersionId                          how many decisions the version made
 *   d␟modelVersionId␟decisionTime␟decisionId  one decision, in time order
 *   x␟modelVersionId␟decisionId               the same decision by id (for a re-sent one)
 * </pre>
 */
public final class GraphStoreKeys {

    static final char SEP = '\u001f';

    private GraphStoreKeys() {
    }

    static String out(String source, String kind, String target) {
        return "o" + SEP + source + SEP + kind + SEP + target;
    }

    static String in(String target, String kind, String source) {
        return "i" + SEP + target + SEP + kind + SEP + source;
    }

    static String byId(String edgeId) {
        return "e" + SEP + edgeId;
    }

    public static String outPrefix(String node) {
        return "o" + SEP + node + SEP;
    }

    public static String inPrefix(String node) {
        return "i" + SEP + node + SEP;
    }

    static String node(String id) {
        return "n" + SEP + id;
    }

    static String nodePrefix(String idPrefix) {
        return "n" + SEP + idPrefix;
    }

    static String kind(String kind, String id) {
        return kindPrefix(kind) + id;
    }

    static String kindPrefix(String kind) {
        return "k" + SEP + kind + SEP;
    }

    static String attribute(String attribute, String value, String id) {
        return attributePrefix(attribute, value) + id;
    }

    static String attributePrefix(String attribute, String value) {
        return attributeValuePrefix(attribute, value) + SEP;
    }

    static String attributeValuePrefix(String attribute, String valuePrefix) {
        return "a" + SEP + attribute + SEP + valuePrefix;
    }

    static String decisionCount(String modelVersionId) {
        return "c" + SEP + modelVersionId;
    }

    static String decision(String modelVersionId, String sortableTime, String decisionId) {
        return decisionPrefix(modelVersionId) + sortableTime + SEP + decisionId;
    }

    public static String decisionPrefix(String modelVersionId) {
        return "d" + SEP + modelVersionId + SEP;
    }

    /** Just past every entry of the version: the upper bound of a range scan over its decisions. */
    public static String decisionsEnd(String modelVersionId) {
        return "d" + SEP + modelVersionId + (char) (SEP + 1);
    }

    /** The entry a decision id has under a version, to find it again when it is re-sent. */
    static String decisionById(String modelVersionId, String decisionId) {
        return "x" + SEP + modelVersionId + SEP + decisionId;
    }

    /** A subject's decision in the by-subject index (this instance's decision partitions). */
    static String subjectDecision(String subjectId, String decisionId) {
        return subjectPrefix(subjectId) + decisionId;
    }

    public static String subjectPrefix(String subjectId) {
        return "s" + SEP + subjectId + SEP;
    }

    /** Just past every decision of the subject. */
    public static String subjectEnd(String subjectId) {
        return "s" + SEP + subjectId + (char) (SEP + 1);
    }

    /** The upper bound of a range scan over the version's decisions made before {@code time}. */
    public static String decisionsBefore(String modelVersionId, java.time.Instant time) {
        return decisionPrefix(modelVersionId) + DecisionIndexer.sortable(time);
    }
}
