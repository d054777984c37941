package io.headwater.query.decisions;

import com.fasterxml.jackson.core.type.TypeReference;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
import io.headwater.query.streams.PeerClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.headwater.query.streams.PeerClient.encode;

/** Asks the instance that owns a decision key for what its local stores hold. */
@ApplicationScoped
public class RemoteDecisions {

    private static final TypeReference<Map<String, Long>> COUNTS_TYPE = new TypeReference<>() { };

    private final PeerClient peers;

    public RemoteDecisions(PeerClient peers) {
        this.peers = peers;
    }

    Optional<DecisionView> decision(HostInfo owner, String decisionId) {
        HttpResponse<String> response = peers.get(owner, "/internal/v1/decisions/" + encode(decisionId));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(peers.read(response, peers.type(DecisionView.class)));
    }

    DecisionPage decisionsOf(HostInfo owner, String modelVersionId, String cursor, int limit, java.time.Instant from, java.time.Instant until) {
        String query = "?modelVersionId=" + encode(modelVersionId) + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor))
                + (from == null ? "" : "&from=" + from) + (until == null ? "" : "&until=" + until);
        return peers.read(peers.get(owner, "/internal/v1/decisions-by-model-version" + query), peers.type(DecisionPage.class));
    }

    /** In the body, never the query: the audit keeps query values, and a subject id is personal data. */
    List<DecisionView> decisionsOfSubject(HostInfo owner, String subjectId) {
        return peers.read(peers.post(owner, "/internal/v1/decisions-of-subject", Map.of("subjectId", subjectId)), peers.listOf(DecisionView.class));
    }

    Map<String, Long> decisionCounts(HostInfo owner, List<String> modelVersionIds) {
        return peers.read(peers.post(owner, "/internal/v1/decision-counts", modelVersionIds), peers.type(COUNTS_TYPE));
    }
}
