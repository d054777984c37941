package io.headwater.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists each offending field by JSON pointer
 * (RFC 6901), so a client can show the user exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://headwater.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, errors == null || errors.isEmpty() ? null : errors);
    }

    /** One field that broke a rule. */
    public record FieldError(String pointer, String detail) {
    }
}
