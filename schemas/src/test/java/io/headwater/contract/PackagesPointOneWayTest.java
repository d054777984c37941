package io.headwater.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In every module's main code, packages depend on each other one way only: no two packages (or rings of
 * them) use each other, so a newcomer can read a module bottom up. Comments do not count; imports and
 * fully qualified names in code do.
 */
class PackagesPointOneWayTest {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("\\b(io\\.headwater(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noModuleHasAPackageCycle() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Map<String, List<String>> cyclesByModule = new TreeMap<>();
        int modules = 0;
        try (Stream<Path> roots = Files.walk(repository, 4)) {
            for (Path main : roots.filter(p -> p.endsWith(Path.of("src", "main", "java"))).filter(p -> !p.toString().contains("/target/")).toList()) {
                modules++;
                List<String> cycles = cycles(graph(main));
                if (!cycles.isEmpty()) {
                    cyclesByModule.put(repository.relativize(main).toString(), cycles);
                }
            }
        }
        assertThat(modules).as("modules found under " + repository).isGreaterThan(8);
        assertThat(cyclesByModule).as("packages that use each other").isEmpty();
    }

    @Test
    void aRingOfPackagesIsFound() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly("[a, b, c]");
    }

    private static Map<String, Set<String>> graph(Path main) throws IOException {
        Map<String, Set<String>> graph = new HashMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String pkg = declared.group(1);
                Set<String> uses = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher use = USE.matcher(COMMENTS.matcher(source).replaceAll(""));
                while (use.find()) {
                    if (!use.group(1).equals(pkg)) {
                        uses.add(use.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan), each sorted. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<String> cycles = new ArrayList<>();
        int[] counter = {0};
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, cycles, counter);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<String> cycles, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!graph.containsKey(next)) {
                continue;
            }
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, cycles, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component.toString());
            }
        }
    }
}
