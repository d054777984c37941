package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.LineageEventKind;

/** Tells RunEvent, DatasetEvent and JobEvent apart by the schemaURL's fragment, as Marquez does (RunEvent when absent). */
public final class EventKind {

    private EventKind() {
    }

    public static LineageEventKind of(JsonNode event) {
        String schemaUrl = event.path("schemaURL").asText("");
        if (schemaUrl.endsWith("#/$defs/DatasetEvent")) {
            return LineageEventKind.DATASET;
        }
        if (schemaUrl.endsWith("#/$defs/JobEvent")) {
            return LineageEventKind.JOB;
        }
        return LineageEventKind.RUN;
    }
}
