package io.headwater.query.reports;

import io.headwater.query.reports.ReportDocument.Field;
import io.headwater.query.reports.ReportDocument.Section;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as a PDF, laid out with PDFBox (A4, the standard fonts, so nothing is embedded or downloaded):
 * headings, labelled values, tables as rows of cells, notes; long values wrap, and pages follow as needed.
 */
public final class ReportPdf {

    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 110;

    private final PDDocument pdf = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private PDPageContentStream out;
    private float y;

    private ReportPdf() {
    }

    public static byte[] render(ReportDocument doc) {
        ReportPdf writer = new ReportPdf();
        try {
            return writer.write(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(ReportDocument doc) throws IOException {
        try (pdf) {
            pdf.getDocumentInformation().setTitle(doc.title());
            pdf.getDocumentInformation().setCreator("Headwater");
            newPage();
            text(bold, 16, MARGIN, doc.title(), WIDTH, 20);
            text(italic, 9, MARGIN, doc.subtitle(), WIDTH, 12);
            for (Section section : doc.sections()) {
                space(10);
                need(40);
                text(bold, 12, MARGIN, section.heading(), WIDTH, 16);
                for (Field f : section.fields()) {
                    need(12);
                    float top = y;
                    text(regular, 9, MARGIN, f.label(), LABEL_WIDTH - 6, 11);
                    float afterLabel = y;
                    y = top;
                    text(mono, 8.5f, MARGIN + LABEL_WIDTH, f.value(), WIDTH - LABEL_WIDTH, 11);
                    y = Math.min(y, afterLabel);
                }
                if (section.table() != null && !section.table().rows().isEmpty()) {
                    space(2);
                    text(bold, 8.5f, MARGIN, String.join("  |  ", section.table().header()), WIDTH, 11);
                    for (List<String> row : section.table().rows()) {
                        need(11);
                        text(mono, 7.5f, MARGIN, String.join("  |  ", row), WIDTH, 10);
                    }
                }
                for (String note : section.notes()) {
                    text(italic, 9, MARGIN, note, WIDTH, 12);
                }
            }
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void space(float height) {
        y -= height;
    }

    /** Writes text from x, wrapped to width, one line every leading points, turning the page when it must. */
    private void text(PDType1Font font, float size, float x, String value, float width, float leading) throws IOException {
        for (String line : wrap(font, size, printable(value), width)) {
            need(leading);
            y -= leading;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(line);
            out.endText();
        }
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the line (an id, a URL) is cut where it must be.
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The standard fonts know Latin-1 (WinAnsi): what else a value holds is written as its nearest ASCII. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\u2013', '\u2014', '\u2212' -> out.append('-');
                case '\u2192' -> out.append("->");
                case '\u2190' -> out.append("<-");
                case '\u2026' -> out.append("...");
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u201c', '\u201d' -> out.append('"');
                case '\u2260' -> out.append("!=");
                default -> out.append(c < 0x20 ? ' ' : (c >= 0x7f && c < 0xa0) || c > 0xff ? '?' : c);
            }
        }
        return out.toString();
    }
}
