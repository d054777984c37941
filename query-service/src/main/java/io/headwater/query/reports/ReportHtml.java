package io.headwater.query.reports;

import io.headwater.query.reports.ReportDocument.Field;
import io.headwater.query.reports.ReportDocument.Section;

import java.util.List;

/** A report as one printable HTML page: no script, no external resource, every value escaped. */
public final class ReportHtml {

    private static final String STYLE = "body{font:12px/1.4 system-ui,sans-serif;color:#1d2733;margin:24px;max-width:1000px}"
            + "h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;border-bottom:1px solid #ccc;margin:18px 0 6px;padding-bottom:3px}"
            + ".sub{color:#5b6673;margin:0 0 12px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}"
            + "dt{color:#5b6673}dd{margin:0;overflow-wrap:anywhere;font-family:ui-monospace,monospace}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #e3e6ea;padding:3px 6px;vertical-align:top;overflow-wrap:anywhere}"
            + "th{background:#f6f8fa}td{font-family:ui-monospace,monospace}.note{color:#5b6673;font-style:italic}"
            + "@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}";

    private ReportHtml() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(doc.title())).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(escape(doc.title())).append("</h1><p class=\"sub\">").append(escape(doc.subtitle())).append("</p>");
        for (Section section : doc.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>");
            if (!section.fields().isEmpty()) {
                html.append("<dl>");
                for (Field f : section.fields()) {
                    html.append("<dt>").append(escape(f.label())).append("</dt><dd>").append(escape(f.value())).append("</dd>");
                }
                html.append("</dl>");
            }
            if (section.table() != null && !section.table().rows().isEmpty()) {
                html.append("<table><thead><tr>");
                section.table().header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
                html.append("</tr></thead><tbody>");
                for (List<String> row : section.table().rows()) {
                    html.append("<tr>");
                    row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
                    html.append("</tr>");
                }
                html.append("</tbody></table>");
            }
            section.notes().forEach(n -> html.append("<p class=\"note\">").append(escape(n)).append("</p>"));
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
