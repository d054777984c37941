package io.headwater.query.reports;

import io.headwater.contract.access.AuditEntry;
import io.headwater.contract.access.Roles;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.alerts.AlertService;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.DecisionReport;
import io.headwater.query.api.Provenance;
import io.headwater.query.api.ServingAnswer;
import io.headwater.query.audit.AuditLog;
import io.headwater.query.graph.Bounds;
import io.headwater.query.models.ServingService;
import io.headwater.query.provenance.ProvenanceService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Puts a decision's report together from the provenance, the alerts and the access audit. */
@ApplicationScoped
public class DecisionReports {

    /** The reads listed, newest first; the audit keeps every one. */
    private static final int ACCESS_LIMIT = 200;

    private final ProvenanceService provenance;
    private final ScopedAnswers scoped;
    private final AlertService alerts;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ServingService serving;
    private final io.headwater.query.models.ValidationService validations;

    public DecisionReports(ProvenanceService provenance, ScopedAnswers scoped, AlertService alerts, AuditLog audit, SecurityIdentity identity,
                           ServingService serving, io.headwater.query.models.ValidationService validations) {
        this.validations = validations;
        this.serving = serving;
        this.provenance = provenance;
        this.scoped = scoped;
        this.alerts = alerts;
        this.audit = audit;
        this.identity = identity;
    }

    public DecisionReport report(String decisionId, Instant asOf, Bounds bounds) {
        Provenance p = scoped.provenance(provenance.provenance(decisionId, asOf, bounds));
        Instant at = p.decision().decisionTime();
        List<AlertView> open = alerts.alerts(new AlertService.Filter(p.decision().modelName(), p.decision().modelVersion(), null, null), 1000)
                .stream().filter(a -> openAt(a, at)).toList();
        List<DecisionReport.Access> reads = null;
        String accessNote;
        if (identity.hasRole(Roles.AUDITOR)) {
            reads = new ArrayList<>();
            // Nobody read the decision before it was received: the audit is read from then.
            AuditLog.Page page = audit.newest(new AuditLog.Query(null, decisionId, p.decision().receivedAt(), null), ACCESS_LIMIT);
            for (int i = page.entries().size() - 1; i >= 0; i--) {
                AuditEntry e = page.entries().get(i);
                reads.add(new DecisionReport.Access(e.time(), e.principal(), e.service(), e.method(), e.path(), e.status()));
            }
            accessNote = page.partial() ? "the audit read stopped at its budget after " + page.scanned() + " records: older reads are not listed"
                    : reads.size() + " request(s) about this decision in the audit (newest first, at most " + ACCESS_LIMIT + ")";
        } else {
            accessNote = "who read this decision is shown to the auditor role only";
        }
        return new DecisionReport(Instant.now(), identity.getPrincipal().getName(), asOf, p.decision(), p.decision().sentBy(), p.modelVersion(),
                servingAt(p.decision().modelName(), at), p.trainingRun(), p.data(), p.upstream(), open, validatedBy(p, at), reads, accessNote,
                p.partial(), p.partialReason(), p.redacted());
    }

    /** The validations of the decision's model version that had ended when it was made (as a scoped reader may see them). */
    private List<io.headwater.query.api.ModelValidations.Validation> validatedBy(Provenance p, Instant at) {
        if (p.modelVersion() == null) {
            return List.of();
        }
        return scoped.validations(validations.validations(p.modelVersion().name(), p.modelVersion().version(), p.asOf())).validations().stream()
                .filter(v -> v.endTime() != null && !v.endTime().isAfter(at)).toList();
    }

    private ServingAnswer servingAt(String model, Instant at) {
        try {
            return serving.servingAt(model, at, null);
        } catch (io.headwater.query.errors.NotFoundException unknownModel) {
            return new ServingAnswer(model, at, null, "none", List.of(), "the model is not known to the graph");
        }
    }

    /** Whether the alert was open when the decision was made: opened by then, and not resolved before it. */
    static boolean openAt(AlertView alert, Instant at) {
        if (alert.openedAt() == null || alert.openedAt().isAfter(at)) {
            return false;
        }
        return "OPEN".equals(alert.state()) || alert.updatedAt() == null || alert.updatedAt().isAfter(at);
    }
}
