package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.Owner;
import io.headwater.avro.Tag;

import java.util.ArrayList;
import java.util.List;

/** The tags and ownership facets, which OpenLineage defines alike for runs, jobs and datasets. */
final class OwnershipAndTags {

    private OwnershipAndTags() {
    }

    /** The tags facet's entries; an entry without a key is skipped, one without a value is a bare label ("true"). */
    static List<Tag> tags(JsonNode facets) {
        List<Tag> out = new ArrayList<>();
        for (JsonNode tag : facets.path(Facets.TAGS).path("tags")) {
            if (!tag.hasNonNull("key")) {
                continue;
            }
            out.add(Tag.newBuilder()
                    .setKey(tag.get("key").asText())
                    .setValue(tag.hasNonNull("value") ? tag.get("value").asText() : "true")
                    .setSource(Json.text(tag, "source"))
                    .setField(Json.text(tag, "field"))
                    .build());
        }
        return out;
    }

    static List<Owner> owners(JsonNode facets) {
        List<Owner> out = new ArrayList<>();
        for (JsonNode owner : facets.path(Facets.OWNERSHIP).path("owners")) {
            if (owner.hasNonNull("name")) {
                out.add(new Owner(owner.get("name").asText(), Json.text(owner, "type")));
            }
        }
        return out;
    }

    static String description(JsonNode facets) {
        return Json.text(facets.path(Facets.DOCUMENTATION), "description");
    }
}
