package io.headwater.query.access;

/** A reader asked for one thing (a run) that lies outside the namespaces its key may see; answered with 403. */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String what, ReadScope scope) {
        super(what + " lies outside the namespaces this key may read " + scope.namespaces());
    }
}
