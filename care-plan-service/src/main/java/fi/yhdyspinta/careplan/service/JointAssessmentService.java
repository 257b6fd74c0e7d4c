package fi.yhdyspinta.careplan.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.config.JointAssessmentConfig;
import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.JointAssessmentInvitation;
import fi.yhdyspinta.careplan.domain.JointAssessmentLifecycle;
import fi.yhdyspinta.careplan.domain.JointAssessmentState;
import fi.yhdyspinta.careplan.fhir.CarePlanDocuments;
import fi.yhdyspinta.careplan.mapping.JointAssessmentEvents;
import fi.yhdyspinta.careplan.repository.JointAssessmentInvitationRepository;
import fi.yhdyspinta.careplan.repository.JointAssessmentRepository;
import fi.yhdyspinta.careplan.repository.OrganisationSectors;
import fi.yhdyspinta.careplan.rest.AcknowledgeRequest;
import fi.yhdyspinta.careplan.rest.CompletionRequest;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Joint service-need assessments (yhteinen palvelutarpeen arviointi, THL 32.2 §, SHL 41 §): social care invites
 * one or several organisations; each invited organisation acknowledges on its own — it cannot decline, and it
 * cannot answer for another — and the requesting organisation completes (D39). Only the requester and the
 * invited organisations see an assessment; anyone else gets 404, which does not reveal that it exists.
 */
@ApplicationScoped
public class JointAssessmentService {

    private final JointAssessmentRepository assessments;
    private final JointAssessmentInvitationRepository invitations;
    private final OrganisationSectors registry;
    private final ClientIdPseudonymiser pseudonymiser;
    private final Outbox outbox;
    private final JointAssessmentConfig config;
    private final java.time.Clock clock;
    private final CarePlanAudit audit;
    private final CarePlanDocuments documents;

    public JointAssessmentService(JointAssessmentRepository assessments,
            JointAssessmentInvitationRepository invitations, OrganisationSectors registry,
            ClientIdPseudonymiser pseudonymiser, Outbox outbox, JointAssessmentConfig config, java.time.Clock clock,
            CarePlanAudit audit, CarePlanDocuments documents) {
        this.assessments = assessments;
        this.invitations = invitations;
        this.registry = registry;
        this.documents = documents;
        this.clock = clock;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
        this.outbox = outbox;
        this.config = config;
    }

    @WithTransaction
    public Uni<JointAssessmentState> request(RequestJointAssessment command, Caller caller, Causation causation) {
        String organisation = caller.requireOrganisation();
        if (caller.requireSector() != Sector.SOCIAL) {
            throw ProblemException.forbidden("only social care requests a joint service-need assessment (SHL 41 §)");
        }
        refuseOwnOrRepeated(command.invited(), organisation);
        Henkilotunnus hetu = Henkilotunnus.parse(command.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        return requireActive(command.invited()).chain(() -> {
            OffsetDateTime now = now();
            JointAssessment assessment = new JointAssessment();
            assessment.id = UUID.randomUUID();
            assessment.clientId = clientId.value();
            assessment.clientHetu = hetu.value();
            assessment.requestingOrganisation = organisation;
            assessment.invitedOrganisation = command.invited().get(0).organisation();
            assessment.status = JointAssessmentStatus.REQUESTED;
            assessment.deadline = command.deadline() != null
                    ? command.deadline().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                    : now.plus(config.defaultDeadline()).truncatedTo(ChronoUnit.SECONDS);
            assessment.requestedBy = caller.subject();
            assessment.requestedAt = now;
            assessment.updatedAt = now;
            List<JointAssessmentInvitation> rows = new ArrayList<>();
            for (int i = 0; i < command.invited().size(); i++) {
                rows.add(JointAssessmentInvitation.of(assessment.id, i, command.invited().get(i).organisation()));
            }
            JointAssessmentState state = new JointAssessmentState(assessment, rows);
            return assessments.persist(assessment)
                    .chain(() -> invitations.persist(rows))
                    .chain(() -> announce(state, JointAssessmentStatus.REQUESTED, state.invitedOrganisations(),
                            causation))
                    .call(s -> audit.assessment(caller, AuditAction.CREATE, assessment, causation.correlationId()));
        });
    }

    /** The caller's own organisation and an organisation named twice are refused, each naming its field. */
    private static void refuseOwnOrRepeated(List<RequestJointAssessment.Invited> invited, String organisation) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RequestJointAssessment.Invited one : invited) {
            if (one.organisation().equals(organisation)) {
                errors.add(new Problem.FieldError(one.field(), "must be another organisation than the caller's"));
            } else if (!seen.add(one.organisation())) {
                errors.add(new Problem.FieldError(one.field(), "names an organisation already invited"));
            }
        }
        refuseIf(errors);
    }

    /** Each invited organisation must be an active organisation of the registry (as the replica knows it). */
    private Uni<Void> requireActive(List<RequestJointAssessment.Invited> invited) {
        return registry.known(invited.stream().map(RequestJointAssessment.Invited::organisation).toList())
                .invoke(known -> refuseIf(invited.stream()
                        .filter(one -> known.get(one.organisation()) == null || !known.get(one.organisation()).active())
                        .map(one -> new Problem.FieldError(one.field(), "is not an active organisation of the registry"))
                        .toList()))
                .replaceWithVoid();
    }

    private static void refuseIf(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the invited organisations are not valid: "
                    + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()), errors, Map.of());
        }
    }

    /** The caller's organisation acknowledges its own invitation — never another organisation's. */
    @WithTransaction
    public Uni<JointAssessmentState> acknowledge(UUID id, AcknowledgeRequest request, Caller caller,
            Causation causation) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).chain(state -> {
            JointAssessmentInvitation own = state.invitationOf(caller.requireOrganisation()).orElseThrow(() ->
                    audit.assessmentForbidden(
                            ProblemException.forbidden("only an invited organisation acknowledges its invitation"),
                            caller, AuditAction.UPDATE, state.assessment(), causation.correlationId()));
            if (state.assessment().status == JointAssessmentStatus.COMPLETED) {
                throw illegal(own.status, JointAssessmentStatus.ACKNOWLEDGED, Set.of());
            }
            OffsetDateTime at = now();
            move(own, JointAssessmentStatus.ACKNOWLEDGED);
            own.participant = request.participant().strip();
            own.scheduledAt = request.scheduledAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            own.acknowledgedBy = caller.subject();
            own.acknowledgedAt = at;
            return changed(state, JointAssessmentStatus.ACKNOWLEDGED, List.of(own.organisation), at, causation,
                    a -> { });
        }).call(s -> audit.assessment(caller, AuditAction.UPDATE, s.assessment(), causation.correlationId()));
    }

    /**
     * The requester completes once no invitation awaits an answer within its deadline and at least one organisation
     * acknowledged (D40): the acknowledged invitations are completed with it, an overdue one stays overdue.
     */
    @WithTransaction
    public Uni<JointAssessmentState> complete(UUID id, CompletionRequest summary, Caller caller, Causation causation) {
        String[] hetu = new String[1];
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).chain(state -> {
            JointAssessment a = state.assessment();
            if (!a.requestingOrganisation.equals(caller.requireOrganisation())) {
                throw audit.assessmentForbidden(
                        ProblemException.forbidden("only the requesting organisation completes a joint assessment"),
                        caller, AuditAction.UPDATE, a, causation.correlationId());
            }
            if (!state.completable()) {
                throw illegal(a.status, JointAssessmentStatus.COMPLETED, state.allowedTransitions());
            }
            List<String> contributing = state.contributingOrganisations();
            state.invitations().stream().filter(i -> i.status == JointAssessmentStatus.ACKNOWLEDGED)
                    .forEach(i -> move(i, JointAssessmentStatus.COMPLETED));
            OffsetDateTime at = now();
            return changed(state, JointAssessmentStatus.COMPLETED, contributing, at, causation, done -> {
                done.completedBy = caller.subject();
                done.completedAt = at;
                done.summarise(summary.needs(), summary.nextSteps());
                // kept only for the archive document: cleared with the completion itself (one version, one event)
                hetu[0] = done.clientHetu;
                done.clientHetu = null;
            });
        }).call(s -> archive(s, hetu[0], causation))
                .call(s -> audit.assessment(caller, AuditAction.UPDATE, s.assessment(), causation.correlationId()));
    }

    /**
     * The completed assessment becomes an archive document in the completion's transaction, naming every
     * contributing organisation. An assessment requested before the henkilötunnus was kept for it (V5) has none.
     */
    private Uni<Void> archive(JointAssessmentState state, String hetu, Causation causation) {
        if (hetu == null) {
            return Uni.createFrom().voidItem();
        }
        return documents.assessmentCompleted(state.assessment(), state.contributingOrganisations(),
                state.firstScheduledAt(), hetu, causation).replaceWithVoid();
    }

    /** A read of client data: in a transaction, with its audit record. */
    @WithTransaction
    public Uni<JointAssessmentState> find(UUID id, Caller caller, String correlationId) {
        return visibleTo(id, caller, AuditAction.READ, correlationId)
                .call(s -> audit.assessment(caller, AuditAction.READ, s.assessment(), correlationId));
    }

    /**
     * Escalates the invitations still REQUESTED after their assessment's deadline: each becomes OVERDUE once, with
     * one {@code joint-assessment-overdue} per assessment naming every organisation escalated in this round
     * (D41). Answers how many invitations were escalated.
     */
    @WithTransaction
    public Uni<Integer> escalateOverdue() {
        return assessments.lockOverdue(now(), config.escalationBatch()).chain(overdue -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (JointAssessment assessment : overdue) {
                chain = chain.chain(count -> invitations.ofAssessment(assessment.id).chain(rows -> {
                    JointAssessmentState state = new JointAssessmentState(assessment, rows);
                    OffsetDateTime at = now();
                    List<String> silent = new ArrayList<>();
                    state.invitations().stream().filter(i -> i.status == JointAssessmentStatus.REQUESTED)
                            .forEach(i -> {
                                move(i, JointAssessmentStatus.OVERDUE);
                                i.overdueAt = at;
                                silent.add(i.organisation);
                            });
                    return changed(state, JointAssessmentStatus.OVERDUE, silent, at, Causation.newChain(), a -> { })
                            .map(s -> count + silent.size());
                }));
            }
            return chain;
        });
    }

    /** 404 for an id that does not exist (not audited: it names no client) and for one the caller is not party to. */
    private Uni<JointAssessmentState> visibleTo(UUID id, Caller caller, AuditAction action, String correlationId) {
        String organisation = caller.requireOrganisation();
        return assessments.findById(id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("joint assessment");
            }
            return invitations.ofAssessment(id).map(rows -> {
                JointAssessmentState state = new JointAssessmentState(a, rows);
                if (!state.involves(organisation)) {
                    throw audit.assessmentHidden(caller, action, a, correlationId);
                }
                return state;
            });
        });
    }

    /** The one place where an invitation changes status: checks the lifecycle. */
    private static void move(JointAssessmentInvitation invitation, JointAssessmentStatus target) {
        if (!JointAssessmentLifecycle.allows(invitation.status, target)) {
            throw illegal(invitation.status, target, JointAssessmentLifecycle.allowedAfter(invitation.status));
        }
        invitation.status = target;
    }

    private static ProblemException illegal(JointAssessmentStatus current, JointAssessmentStatus target,
            Set<JointAssessmentStatus> allowed) {
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                "a joint assessment in status " + current + " cannot become " + target, List.of(),
                Map.of("currentStatus", current, "allowedTransitions", allowed));
    }

    /**
     * The assessment after a step of its invitations: its status derived again, touched so that its version grows,
     * and the step's event recorded naming the organisations the step was about.
     */
    private Uni<JointAssessmentState> changed(JointAssessmentState state, JointAssessmentStatus step,
            List<String> concerned, OffsetDateTime at, Causation causation, Consumer<JointAssessment> changes) {
        JointAssessment a = state.assessment();
        changes.accept(a);
        a.status = JointAssessmentState.statusOf(step == JointAssessmentStatus.COMPLETED, state.invitations());
        a.updatedAt = at;
        return announce(state, step, concerned, causation);
    }

    /** Flushed first, so that the event carries the version this change gave the assessment (@Version). */
    private Uni<JointAssessmentState> announce(JointAssessmentState state, JointAssessmentStatus step,
            List<String> concerned, Causation causation) {
        return assessments.flush()
                .chain(() -> outbox.record(JointAssessmentEvents.typeFor(step),
                        new ClientId(state.assessment().clientId), JointAssessmentEvents.changed(state, concerned),
                        causation))
                .replaceWith(state);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
