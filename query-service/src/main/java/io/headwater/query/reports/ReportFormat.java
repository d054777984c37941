package io.headwater.query.reports;

import io.headwater.query.errors.InvalidParameterException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/** The three forms of a report: the JSON answer, a printable HTML page, a PDF. */
public enum ReportFormat {
    JSON, HTML, PDF;

    public static final String PDF_TYPE = "application/pdf";

    /** format= wins; else the first acceptable type that is HTML or PDF; else JSON. */
    public static ReportFormat of(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("format", "must be json, html or pdf");
            }
        }
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return JSON;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return HTML;
            }
            if (type.getType().equals("application") && type.getSubtype().equals("pdf")) {
                return PDF;
            }
        }
        return JSON;
    }

    public Response respond(Object json, ReportDocument document, String name) {
        String file = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return switch (this) {
            case JSON -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
            case HTML -> Response.ok(ReportHtml.render(document), MediaType.TEXT_HTML + ";charset=utf-8")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
            case PDF -> Response.ok(ReportPdf.render(document), PDF_TYPE)
                    .header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"").build();
        };
    }
}
