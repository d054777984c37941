package io.headwater.contract.retention;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.access.AccessJson;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure removed, where, when and at whose request. Kept for good on the compacted erasures topic,
 * so it names a data subject only by an unsalted SHA-256 of the id (enough to answer "was this subject
 * erased?" for one who knows the id, nothing to one who does not), never the id itself.
 *
 * @param kind             {@code subject} or {@code dataset-version}
 * @param subjectHash      sha256:&lt;hex&gt; of the subject id, for a subject's erasure
 * @param target           the dataset version's node id, for a dataset version's erasure
 * @param decisionsErased  the ids of the decisions removed
 * @param removedFrom      each topic and store the decisions were removed from
 * @param kept             what was kept, and why (lineage that documents a model, the audit)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureReceipt(String id, String kind, String subjectHash, String target, String reason, String requestedBy, Instant requestedAt,
                             List<String> decisionsErased, List<String> modelVersionsAffected, List<String> removedFrom, List<String> kept) {

    public String toJson() {
        return AccessJson.write(this);
    }

    public static ErasureReceipt fromJson(String json) {
        return AccessJson.read(json, ErasureReceipt.class);
    }

    /** How a subject id appears on a receipt. */
    public static String subjectHash(String subjectId) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(subjectId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
