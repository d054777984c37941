package io.headwater.ingest.validation;

/** One way an event breaks the spec: where (a JSON pointer into the body) and what. */
public record Violation(String pointer, String detail) {
}
