package io.headwater.query.errors;


/** No node has this id; answered with 404. */
public class NodeNotFoundException extends NotFoundException {

    public NodeNotFoundException(String nodeId) {
        super("no node with id '" + nodeId + "'");
    }
}
