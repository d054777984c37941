package io.headwater.cli.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonPrinterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void differencesAreMarkedAndLongDecimalsRounded() throws Exception {
        String comparison = """
                {"runs":["run:01a23bba-37a4","run:01a23bba-9f2c"],"differences":2,
                 "parameters":[{"name":"learning_rate","values":[0.5,0.2],"differs":true},{"name":"rows","values":[4000,4000],"differs":false}],
                 "metrics":[{"name":"auc","values":[0.7364322916666667,0.7459520725388601],"differs":true}],
                 "packages":[{"name":"numpy","values":["2.1.0","2.1.0"],"differs":false}],
                 "data":[{"name":"dataset:file:/d","values":[null,"v1"],"differs":true}]}""";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ComparisonPrinter.comparison(JSON.readTree(comparison), false, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed).containsPattern("≠ +parameters +learning_rate +0.5 +0.2")
                .containsPattern("(?m)^ +parameters +rows +4000 +4000$")
                .containsPattern("≠ +metrics +auc +0.7364 +0.746")
                .containsPattern("≠ +data +dataset:file:/d +– +v1")
                .doesNotContain("numpy")
                .contains("2 differences (≠); 1 identical packages not shown");
    }
}
