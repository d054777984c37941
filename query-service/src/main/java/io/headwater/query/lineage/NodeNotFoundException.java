package io.headwater.query.lineage;

/** No node has this id; answered with 404. */
public class NodeNotFoundException extends RuntimeException {

    public NodeNotFoundException(String nodeId) {
        super("no node with id '" + nodeId + "'");
    }
}
