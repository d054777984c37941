package io.headwater.query.lineage;

import io.headwater.query.graph.NotFoundException;

/** No node has this id; answered with 404. */
public class NodeNotFoundException extends NotFoundException {

    public NodeNotFoundException(String nodeId) {
        super("no node with id '" + nodeId + "'");
    }
}
