package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Prints a lineage answer (Marquez's graph of nodes with in- and out-edges) as trees from the node asked about. */
public final class LineagePrinter {

    private LineagePrinter() {
    }

    /** direction: upstream, downstream or both (both prints the upstream tree, then the downstream one). */
    public static void lineage(String root, String direction, JsonNode answer, PrintStream out) {
        Map<String, JsonNode> nodes = new HashMap<>();
        answer.path("graph").forEach(n -> nodes.put(n.path("id").asText(), n));
        JsonNode start = nodes.get(root);
        if (start == null) {
            out.println(root + ": not in the graph");
            return;
        }
        out.println(label(start) + "  (" + nodes.size() + (nodes.size() == 1 ? " node)" : " nodes)"));
        if (!direction.equals("downstream")) {
            out.println("upstream (what it came from):");
            tree(start, "inEdges", "origin", "← ", nodes, new HashSet<>(Set.of(root)), "  ", out);
        }
        if (!direction.equals("upstream")) {
            out.println("downstream (what came from it):");
            tree(start, "outEdges", "destination", "→ ", nodes, new HashSet<>(Set.of(root)), "  ", out);
        }
        if (answer.path("partial").asBoolean()) {
            out.println("(partial: " + answer.path("partialReason").asText() + ")");
        }
    }

    private static void tree(JsonNode node, String edges, String end, String arrow, Map<String, JsonNode> nodes, Set<String> printed,
                             String indent, PrintStream out) {
        JsonNode list = node.path(edges);
        if (list.isEmpty() && indent.equals("  ")) {
            out.println(indent + "(none)");
        }
        for (JsonNode edge : list) {
            String id = edge.path(end).asText();
            JsonNode next = nodes.get(id);
            boolean again = !printed.add(id);
            out.println(indent + arrow + (next == null ? id : label(next)) + (again ? "  (see above)" : ""));
            if (next != null && !again) {
                tree(next, edges, end, arrow, nodes, printed, indent + "    ", out);
            }
        }
    }

    private static String label(JsonNode node) {
        return node.path("id").asText() + " [" + node.path("type").asText().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
