package io.headwater.query.streams;

/**
 * Key layout of the adjacency store. One record per edge and direction, so a hub dataset read by
 * a million runs is a million small records found by prefix scan, never one huge value:
 * <pre>
 *   o␟source␟KIND␟target   out-edges of source
 *   i␟target␟KIND␟source   in-edges of target
 *   e␟edgeId                the edge by id, to find both entries when it is retracted
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
}
