package fi.yhdyspinta.careplan.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.audit.AuditEntry;
import fi.yhdyspinta.platform.audit.AuditTrail;
import fi.yhdyspinta.platform.audit.RefusedAccess;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What care-plan-service writes to the audit trail (lokitiedot, DESIGN §8), in the act's own transaction: every
 * REST read and write of a joint assessment (purpose JOINT_ASSESSMENT), of a client overview (one READ of the
 * client's overview when it showed anything) and of a joint client plan, its versions and its responsible-worker
 * hand-overs (purpose JOINT_CLIENT_PLAN); the client's own {@code /me/plans} records one LIST per plan it returned.
 * Every refused attempt on an existing assessment or plan — 404 when the caller's organisation is not party to it,
 * 403 when its part may not do this (or its share of the plan was revoked) — is a {@link RefusedAccess}, recorded
 * as REFUSED after the request's transaction rolled back ({@code RefusalsAreAudited}).
 *
 * <p>Legal basis: CONSENT where a consent decision let the acting organisation in (its plan share rests on a
 * consent), else none — the plan's own organisation, a joint assessment (THL 32.2 § needs no decision), the client
 * reading their own plans. Consuming Kafka events and the timers (overdue escalation, review check) are no
 * actor's acts and are not recorded.
 */
@ApplicationScoped
public class CarePlanAudit {

    private final AuditTrail trail;

    public CarePlanAudit(AuditTrail trail) {
        this.trail = trail;
    }

    // --- joint assessments (yhteinen palvelutarpeen arviointi) ----------------------------------------------------

    public Uni<Void> assessment(Caller caller, AuditAction action, JointAssessment assessment, String correlationId) {
        return trail.record(AuditEntry.permitted(caller, action, AuditResource.JOINT_ASSESSMENT,
                assessment.id.toString(), clientId(assessment.clientId), Purpose.JOINT_ASSESSMENT, null,
                correlationId));
    }

    /** The assessment exists but the caller's organisation is not party to it: 404, recorded as refused. */
    public RefusedAccess assessmentHidden(Caller caller, AuditAction action, JointAssessment assessment,
            String correlationId) {
        return assessmentForbidden(ProblemException.notFound("joint assessment"), caller, action, assessment,
                correlationId);
    }

    /** The caller's organisation is party to the assessment but may not do this to it (403), recorded as refused. */
    public RefusedAccess assessmentForbidden(ProblemException problem, Caller caller, AuditAction action,
            JointAssessment assessment, String correlationId) {
        return refused(problem, caller, action, AuditResource.JOINT_ASSESSMENT, assessment.id.toString(),
                assessment.clientId, Purpose.JOINT_ASSESSMENT, correlationId);
    }

    // --- client overview (asiakkaan kokonaistilanne) --------------------------------------------------------------

    /** {@code GET /clients/{clientId}/overview}: one READ of the client's overview. */
    public Uni<Void> overviewRead(Caller caller, String clientId, String correlationId) {
        return trail.record(AuditEntry.permitted(caller, AuditAction.READ, AuditResource.CLIENT_OVERVIEW, null,
                clientId(clientId), null, null, correlationId));
    }

    // --- joint client plans (asiakassuunnitelma) -------------------------------------------------------------------

    /** An act of a professional on the plan; the basis is that of the acting organisation's share. */
    public Uni<Void> plan(Caller caller, AuditAction action, PlanState state, String correlationId) {
        return trail.record(onPlan(caller, action, state, basisOf(state, caller), correlationId));
    }

    /** {@code GET /me/plans}: one LIST per plan returned to the client. */
    public Uni<Void> plansListedToClient(Caller client, List<PlanState> plans, String correlationId) {
        return trail.recordAll(plans.stream().map(state -> onPlan(client, AuditAction.LIST, state, null,
                correlationId)).toList());
    }

    /** The plan exists but the caller's organisation takes no part in it: 404, recorded as refused. */
    public RefusedAccess planHidden(Caller caller, AuditAction action, PlanState state, String correlationId) {
        return planForbidden(ProblemException.notFound("plan"), caller, action, state, correlationId);
    }

    /** The caller's organisation knows the plan but may not do this (e.g. its share was revoked): 403, refused. */
    public RefusedAccess planForbidden(ProblemException problem, Caller caller, AuditAction action, PlanState state,
            String correlationId) {
        return refused(problem, caller, action, AuditResource.CARE_PLAN, state.plan().id.toString(),
                state.plan().clientId, Purpose.JOINT_CLIENT_PLAN, correlationId);
    }

    private static AuditEntry onPlan(Caller caller, AuditAction action, PlanState state, LegalBasis basis,
            String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.CARE_PLAN, state.plan().id.toString(),
                clientId(state.plan().clientId), Purpose.JOINT_CLIENT_PLAN, basis, correlationId);
    }

    /** CONSENT when the acting organisation's active share rests on a consent; else none. */
    static LegalBasis basisOf(PlanState state, Caller caller) {
        return caller.organisation().flatMap(state::participant)
                .filter(PlanParticipant::isActive)
                .filter(row -> row.consentId != null)
                .map(row -> LegalBasis.CONSENT)
                .orElse(null);
    }

    private static RefusedAccess refused(ProblemException problem, Caller caller, AuditAction action,
            AuditResource resource, String resourceId, String clientId, Purpose purpose, String correlationId) {
        return new RefusedAccess(problem, AuditEntry.refused(caller, action, resource, resourceId, clientId(clientId),
                purpose, problem.type().status().getStatusCode(), correlationId));
    }

    /** The column is char(64) in some schemas: the pseudonymous id itself, without padding. */
    private static ClientId clientId(String value) {
        return new ClientId(value.strip());
    }
}
