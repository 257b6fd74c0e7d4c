package fi.yhdyspinta.careplan.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.config.JointAssessmentConfig;
import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.JointAssessmentLifecycle;
import fi.yhdyspinta.careplan.fhir.CarePlanDocuments;
import fi.yhdyspinta.careplan.mapping.JointAssessmentEvents;
import fi.yhdyspinta.careplan.repository.JointAssessmentRepository;
import fi.yhdyspinta.careplan.rest.AcknowledgeRequest;
import fi.yhdyspinta.careplan.rest.CompletionRequest;
import fi.yhdyspinta.careplan.rest.JointAssessmentRequest;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Joint service-need assessments (yhteinen palvelutarpeen arviointi, THL 32.2 §, SHL 41 §): social
 * care invites, the invited organisation acknowledges — it cannot decline — and the requesting
 * organisation completes. Only the two organisations involved see an assessment; anyone else gets
 * 404, which does not reveal that it exists.
 */
@ApplicationScoped
public class JointAssessmentService {

    private final JointAssessmentRepository assessments;
    private final ClientIdPseudonymiser pseudonymiser;
    private final Outbox outbox;
    private final JointAssessmentConfig config;
    private final java.time.Clock clock;
    private final CarePlanAudit audit;
    private final CarePlanDocuments documents;

    public JointAssessmentService(JointAssessmentRepository assessments, ClientIdPseudonymiser pseudonymiser,
            Outbox outbox, JointAssessmentConfig config, java.time.Clock clock, CarePlanAudit audit, CarePlanDocuments documents) {
        this.documents = documents;
        this.clock = clock;
        this.audit = audit;
        this.assessments = assessments;
        this.pseudonymiser = pseudonymiser;
        this.outbox = outbox;
        this.config = config;
    }

    @WithTransaction
    public Uni<JointAssessment> request(JointAssessmentRequest request, Caller caller, Causation causation) {
        String organisation = caller.requireOrganisation();
        if (caller.requireSector() != Sector.SOCIAL) {
            throw ProblemException.forbidden("only social care requests a joint service-need assessment (SHL 41 §)");
        }
        if (organisation.equals(request.invitedOrganisation())) {
            throw ProblemException.invalidField("invitedOrganisation", "must be another organisation than the caller's");
        }
        Henkilotunnus hetu = Henkilotunnus.parse(request.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        OffsetDateTime now = now();

        JointAssessment assessment = new JointAssessment();
        assessment.id = UUID.randomUUID();
        assessment.clientId = clientId.value();
        assessment.clientHetu = hetu.value();
        assessment.requestingOrganisation = organisation;
        assessment.invitedOrganisation = request.invitedOrganisation();
        assessment.status = JointAssessmentStatus.REQUESTED;
        assessment.deadline = request.deadline() != null
                ? request.deadline().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                : now.plus(config.defaultDeadline()).truncatedTo(ChronoUnit.SECONDS);
        assessment.requestedBy = caller.subject();
        assessment.requestedAt = now;
        assessment.updatedAt = now;
        return assessments.persist(assessment).chain(() -> announce(assessment, causation))
                .call(a -> audit.assessment(caller, AuditAction.CREATE, a, causation.correlationId()));
    }

    @WithTransaction
    public Uni<JointAssessment> acknowledge(UUID id, AcknowledgeRequest request, Caller caller, Causation causation) {
        return asInvited(id, caller, causation).chain(a -> move(a, JointAssessmentStatus.ACKNOWLEDGED, causation, at -> {
            a.participant = request.participant().strip();
            a.scheduledAt = request.scheduledAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            a.acknowledgedBy = caller.subject();
            a.acknowledgedAt = at;
        })).call(a -> audit.assessment(caller, AuditAction.UPDATE, a, causation.correlationId()));
    }

    @WithTransaction
    public Uni<JointAssessment> complete(UUID id, CompletionRequest summary, Caller caller, Causation causation) {
        String[] hetu = new String[1];
        return asRequesting(id, caller, causation).chain(a -> move(a, JointAssessmentStatus.COMPLETED, causation, at -> {
            a.completedBy = caller.subject();
            a.completedAt = at;
            a.summarise(summary.needs(), summary.nextSteps());
            // kept only for the archive document: cleared with the completion itself (one version, one event)
            hetu[0] = a.clientHetu;
            a.clientHetu = null;
        })).call(a -> archive(a, hetu[0], causation))
                .call(a -> audit.assessment(caller, AuditAction.UPDATE, a, causation.correlationId()));
    }

    /**
     * The completed assessment becomes an archive document in the completion's transaction. An assessment requested
     * before the henkilötunnus was kept for it (V5) has none to archive with.
     */
    private Uni<Void> archive(JointAssessment assessment, String hetu, Causation causation) {
        if (hetu == null) {
            return Uni.createFrom().voidItem();
        }
        return documents.assessmentCompleted(assessment, List.of(assessment.invitedOrganisation), hetu, causation)
                .replaceWithVoid();
    }

    /** A read of client data: in a transaction, with its audit record. */
    @WithTransaction
    public Uni<JointAssessment> find(UUID id, Caller caller, String correlationId) {
        return visibleTo(id, caller, AuditAction.READ, correlationId)
                .call(a -> audit.assessment(caller, AuditAction.READ, a, correlationId));
    }

    /**
     * Escalates REQUESTED invitations whose deadline has passed: each becomes OVERDUE once and
     * announces {@code joint-assessment-overdue}. Answers how many were escalated.
     */
    @WithTransaction
    public Uni<Integer> escalateOverdue() {
        return assessments.lockOverdue(now(), config.escalationBatch()).chain(overdue -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JointAssessment assessment : overdue) {
                chain = chain.chain(() -> move(assessment, JointAssessmentStatus.OVERDUE, Causation.newChain(),
                        at -> assessment.overdueAt = at).replaceWithVoid());
            }
            return chain.replaceWith(overdue.size());
        });
    }

    private Uni<JointAssessment> asInvited(UUID id, Caller caller, Causation causation) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).map(a -> {
            if (!a.invitedOrganisation.equals(caller.requireOrganisation())) {
                throw audit.assessmentForbidden(
                        ProblemException.forbidden("only the invited organisation acknowledges a joint assessment"),
                        caller, AuditAction.UPDATE, a, causation.correlationId());
            }
            return a;
        });
    }

    private Uni<JointAssessment> asRequesting(UUID id, Caller caller, Causation causation) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).map(a -> {
            if (!a.requestingOrganisation.equals(caller.requireOrganisation())) {
                throw audit.assessmentForbidden(
                        ProblemException.forbidden("only the requesting organisation completes a joint assessment"),
                        caller, AuditAction.UPDATE, a, causation.correlationId());
            }
            return a;
        });
    }

    /** 404 for an id that does not exist (not audited: it names no client) and for one the caller is not party to. */
    private Uni<JointAssessment> visibleTo(UUID id, Caller caller, AuditAction action, String correlationId) {
        String organisation = caller.requireOrganisation();
        return assessments.findById(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("joint assessment");
            }
            if (!a.involves(organisation)) {
                throw audit.assessmentHidden(caller, action, a, correlationId);
            }
            return a;
        });
    }

    /** The one place where an assessment changes status: checks the lifecycle and records the event. */
    private Uni<JointAssessment> move(JointAssessment assessment, JointAssessmentStatus target, Causation causation,
            java.util.function.Consumer<OffsetDateTime> changes) {
        JointAssessmentStatus current = assessment.status;
        if (!JointAssessmentLifecycle.allows(current, target)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "a joint assessment in status " + current + " cannot become " + target, List.of(),
                    Map.of("currentStatus", current,
                            "allowedTransitions", JointAssessmentLifecycle.allowedAfter(current)));
        }
        OffsetDateTime now = now();
        changes.accept(now);
        assessment.status = target;
        assessment.updatedAt = now;
        return announce(assessment, causation);
    }

    /** Flushed first, so that the event carries the version this change gave the assessment (@Version). */
    private Uni<JointAssessment> announce(JointAssessment assessment, Causation causation) {
        return assessments.flush()
                .chain(() -> outbox.record(JointAssessmentEvents.typeFor(assessment.status),
                        new ClientId(assessment.clientId), JointAssessmentEvents.changed(assessment), causation))
                .replaceWith(assessment);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
