package io.headwater.ingest.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as one JSON document, strictly: it must be valid UTF-8 (a bad byte is
 * reported, not replaced) and valid JSON with nothing after it.
 */
public final class JsonBodyReader {

    private final ObjectMapper mapper;

    public JsonBodyReader(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body decoded as text, exactly as sent. */
    public String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedBodyException("", "the request body is empty; send one OpenLineage event as JSON");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            return decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("", "the body is not valid UTF-8 (bad byte near offset " + bytes.position() + ")");
        }
    }

    public JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedBodyException("", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
