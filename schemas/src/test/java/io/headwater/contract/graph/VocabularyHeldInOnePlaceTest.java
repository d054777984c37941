package io.headwater.contract.graph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph's vocabulary is defined in this package only: no main code elsewhere in the repository
 * writes a node-id prefix, parses a version off an id, reads an attribute by a literal key, or picks
 * fields out of a node's detail JSON by hand. (That the writer writes only declared keys is held by
 * lineage-streams' GraphProjectionTest.)
 */
class VocabularyHeldInOnePlaceTest {

    private static final List<Rule> RULES = List.of(
            new Rule("a node id built or matched by hand (use NodeId)",
                    Pattern.compile("\"(dataset|datasetField|job|run|model|environment|alert|decision):")),
            new Rule("a version split off or appended to an id by hand (use NodeId)",
                    Pattern.compile("(index|lastIndex)Of\\('#'\\)|\\+ \"#\" \\+|\\+ '#' \\+")),
            new Rule("an attribute read or written by a literal key (use NodeAttributes / EdgeAttributes)",
                    Pattern.compile("getAttributes\\(\\)\\.(get|getOrDefault|containsKey)\\(\\s*\"|\\b(attributes|a)\\.(get|put|getOrDefault)\\(\\s*\"")),
            new Rule("a node's detail read as raw JSON (use NodeDetails)",
                    Pattern.compile("readTree\\([^)]*[Dd]etail")));

    @Test
    void noMainCodeOutsideTheContractSpellsTheVocabulary() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> offences = new ArrayList<>();
        List<Path> sources = mainSources(repository);
        assertThat(sources).as("main sources found under " + repository).hasSizeGreaterThan(100);
        for (Path source : sources) {
            if (source.toString().replace('\\', '/').contains("/io/headwater/contract/graph/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                for (Rule rule : RULES) {
                    if (rule.pattern().matcher(lines.get(i)).find()) {
                        offences.add(repository.relativize(source) + ":" + (i + 1) + ": " + rule.what() + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offences).as("graph vocabulary written outside io.headwater.contract.graph").isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertThat(matches("String id = \"run:\" + runId;")).isTrue();
        assertThat(matches("String name = id.substring(0, id.lastIndexOf('#'));")).isTrue();
        assertThat(matches("node.getAttributes().get(\"trainingRun\")")).isTrue();
        assertThat(matches("attributes.put(\"readAt\", time.toString());")).isTrue();
        assertThat(matches("JsonNode d = JSON.readTree(node.getDetailJson());")).isTrue();
        assertThat(matches("node.getAttributes().get(ModelVersion.TRAINING_RUN)")).isFalse();
    }

    private static boolean matches(String line) {
        return RULES.stream().anyMatch(rule -> rule.pattern().matcher(line).find());
    }

    private static List<Path> mainSources(Path repository) throws IOException {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().replace('\\', '/').contains("/target/"))
                    .filter(p -> !p.toString().replace('\\', '/').contains("/node_modules/"))
                    .sorted().toList();
        }
    }

    private record Rule(String what, Pattern pattern) {
    }
}
