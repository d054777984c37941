package io.headwater.query.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRenderingTest {

    private static ReportDocument document(int rows) {
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            table.add(List.of("training", "dataset:file:/srv/data/part-" + i, "v" + i));
        }
        String longId = "dataset:gs://bucket:" + "x".repeat(300);
        return new ReportDocument("Compliance report: decision d-1", "Generated now by reader-key",
                List.of(new ReportDocument.Section("Decision", List.of(new ReportDocument.Field("decision id", "d-1"),
                                new ReportDocument.Field("output", "{\"churn\":true} → <script>alert(1)</script> – “quoted” ≠ 中文"),
                                new ReportDocument.Field("inputs", longId)), null, List.of()),
                        new ReportDocument.Section("Data it was trained on", List.of(), new ReportDocument.Table(List.of("role", "dataset", "version"), table),
                                List.of("a note"))));
    }

    @Test
    void thePdfHoldsEveryValueWrappedAcrossAsManyPagesAsItNeeds() throws Exception {
        byte[] pdf = ReportPdf.render(document(300));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Compliance report: decision d-1");
            String text = new PDFTextStripper().getText(doc).replace("\n", "").replace("\r", "");
            assertThat(text).contains("Compliance report: decision d-1", "dataset:file:/srv/data/part-0", "dataset:file:/srv/data/part-299",
                    "-> <script>", "!=", "a note");
            assertThat(text.replace(" ", "")).as("a value longer than the line is cut, not lost").contains("x".repeat(300));
        }
    }

    @Test
    void theHtmlEscapesEveryValueAndCarriesNoScript() {
        String html = ReportHtml.render(document(3));
        assertThat(html).startsWith("<!doctype html>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "dataset:file:/srv/data/part-2", "中文")
                .doesNotContain("<script>");
    }

    @Test
    void charactersTheStandardFontsLackBecomeTheirNearestAscii() {
        assertThat(ReportPdf.printable("a → b – c “d” ≠ e … 中")).isEqualTo("a -> b - c \"d\" != e ... ?");
        assertThat(ReportPdf.printable("tab\there")).isEqualTo("tab here");
    }
}
