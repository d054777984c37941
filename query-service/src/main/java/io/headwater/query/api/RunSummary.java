package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One run in a job's list: its state, when, how long, and which code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String id, String runId, String state, Instant startTime, Instant endTime, Long durationMs, String jobVersion,
                         String commit) {
}
