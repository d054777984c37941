package io.headwater.query.admission;

import io.headwater.query.graph.Bounds;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.function.BooleanSupplier;

/**
 * Runs a graph question under a permit from {@link TraversalGate}, and lets every traversal it starts
 * see when the client has gone (its connection closed), so the work stops rather than finishing for nobody.
 */
@Admitted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AdmissionInterceptor {

    private final TraversalGate gate;
    private final CurrentVertxRequest request;

    public AdmissionInterceptor(TraversalGate gate, CurrentVertxRequest request) {
        this.gate = gate;
        this.request = request;
    }

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        try (TraversalGate.Permit permit = gate.enter()) {
            RoutingContext current = request.getCurrent();
            BooleanSupplier gone = current == null ? null : () -> current.response().closed();
            return Bounds.whileConnected(gone, invocation::proceed);
        }
    }
}
