package io.headwater.query.errors;

/** Another query-service instance holds the answer (its partition of the decisions) and did not give it. */
public class PeerUnavailableException extends UnavailableException {

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String problemType() {
        return "peer-unavailable";
    }

    @Override
    public String title() {
        return "Another instance did not answer";
    }
}
