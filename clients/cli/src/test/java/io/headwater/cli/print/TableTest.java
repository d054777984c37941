package io.headwater.cli.print;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    private static String[] print(Table table) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        table.print(new PrintStream(buffer, true, StandardCharsets.UTF_8), "");
        return buffer.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void columnsAreAsWideAsTheirWidestCellUpToALimit() {
        String[] lines = print(new Table("name", "value").row("lr", "0.1").row("x".repeat(60), "y"));
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("name" + " ".repeat(Table.MAX_WIDTH - 4) + "  value");
        assertThat(lines[1]).isEqualTo("-".repeat(Table.MAX_WIDTH) + "  -----");
        assertThat(lines[3]).isEqualTo("x".repeat(Table.MAX_WIDTH - 1) + "…  y");
    }

    @Test
    void anEmptyColumnTakesNoWidth() {
        String[] lines = print(new Table("", "name").row("", "a"));
        assertThat(lines).containsExactly("  name", "  ----", "  a");
    }

    @Test
    void aRowOfTheWrongWidthIsABug() {
        assertThatThrownBy(() -> new Table("a", "b").row("1")).isInstanceOf(IllegalArgumentException.class);
    }
}
