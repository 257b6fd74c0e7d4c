package fi.yhdyspinta.careplan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.consent.DecisionAnswer;
import fi.yhdyspinta.careplan.consent.PlanConsents;
import fi.yhdyspinta.careplan.domain.CarePlan;
import fi.yhdyspinta.careplan.domain.CarePlanVersion;
import fi.yhdyspinta.careplan.domain.PlanContent;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.domain.ResponsibleWorkerChange;
import fi.yhdyspinta.careplan.fhir.CarePlanDocuments;
import fi.yhdyspinta.careplan.mapping.PlanEvents;
import fi.yhdyspinta.careplan.mapping.PlanMapper;
import fi.yhdyspinta.careplan.repository.CarePlanRepository;
import fi.yhdyspinta.careplan.repository.CarePlanVersionRepository;
import fi.yhdyspinta.careplan.repository.ClientLocks;
import fi.yhdyspinta.careplan.repository.PlanParticipantRepository;
import fi.yhdyspinta.careplan.repository.ResponsibleWorkerChangeRepository;
import fi.yhdyspinta.careplan.repository.RevokedConsents;
import fi.yhdyspinta.careplan.rest.HandOverRequest;
import fi.yhdyspinta.careplan.rest.PlanActionInput;
import fi.yhdyspinta.careplan.rest.PlanGoalInput;
import fi.yhdyspinta.careplan.rest.PlanRequest;
import fi.yhdyspinta.careplan.rest.PlanUpdateRequest;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.HandOverReason;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Joint client plans (asiakassuunnitelma, SHL 39 §, 46 §) with exactly one responsible worker (SHL 42 §). Only the
 * participating organisations see a plan — all of it while their share is active, ids only after it was revoked or
 * removed — anyone else gets 404. Creating a plan or widening it asks consent-service first, outside any
 * transaction (no database connection is held while another service answers); the plan is then written in one
 * transaction, under the client's lock, with its {@code care-plan-updated} event.
 */
@ApplicationScoped
public class CarePlanService {

    private final CarePlanRepository plans;
    private final PlanParticipantRepository participants;
    private final CarePlanVersionRepository versions;
    private final ResponsibleWorkerChangeRepository handOvers;
    private final ClientLocks locks;
    private final RevokedConsents revokedConsents;
    private final PlanConsents consents;
    private final PlanSeeds seeds;
    private final HintService hints;
    private final ClientIdPseudonymiser pseudonymiser;
    private final Outbox outbox;
    private final Clock clock;
    private final CarePlanAudit audit;
    /** Every approved plan version is an archive document (issue 8), recorded in the version's transaction. */
    private final CarePlanDocuments documents;

    public CarePlanService(CarePlanRepository plans, PlanParticipantRepository participants,
            CarePlanVersionRepository versions, ResponsibleWorkerChangeRepository handOvers, ClientLocks locks,
            RevokedConsents revokedConsents, PlanConsents consents, PlanSeeds seeds, HintService hints, ClientIdPseudonymiser pseudonymiser,
            Outbox outbox, Clock clock, CarePlanAudit audit, CarePlanDocuments documents) {
        this.audit = audit;
        this.documents = documents;
        this.plans = plans;
        this.participants = participants;
        this.versions = versions;
        this.handOvers = handOvers;
        this.locks = locks;
        this.revokedConsents = revokedConsents;
        this.consents = consents;
        this.seeds = seeds;
        this.hints = hints;
        this.pseudonymiser = pseudonymiser;
        this.outbox = outbox;
        this.clock = clock;
    }

    // --- create -------------------------------------------------------------------------------------------------

    public Uni<PlanState> create(PlanRequest request, Caller caller, Causation causation) {
        String organisation = caller.requireOrganisation();
        Henkilotunnus hetu = Henkilotunnus.parse(request.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        requireReviewDateAhead(request.reviewDate());
        return seeds.seed(request.fromJointAssessment(), clientId, organisation).chain(seed -> {
            Map<String, String> fields = participantFields(organisation, request.participants());
            seed.organisations().forEach(org -> {
                if (!fields.containsValue(org)) {
                    fields.put("fromJointAssessment", org);
                }
            });
            Set<String> all = new LinkedHashSet<>(fields.values());
            String worker = request.responsibleWorker() != null ? request.responsibleWorker().worker()
                    : caller.subject();
            String workerOrganisation = request.responsibleWorker() != null
                    ? request.responsibleWorker().organisation()
                    : organisation;
            if (!all.contains(workerOrganisation)) {
                throw ProblemException.invalidField("responsibleWorker.organisation",
                        "must be a participating organisation");
            }
            List<PlanGoalInput> goals = request.goals() == null || request.goals().isEmpty() ? seed.goals()
                    : request.goals();
            PlanContent content = content(goals, request.actions(), request.clientSummary(), all);
            return consents.requirePermits(hetu.value(), organisation, fields, causation.correlationId())
                    .chain(permits -> Panache.withTransaction(() -> persistNew(clientId, organisation, caller,
                            all, permits, content, request.reviewDate(), seed.assessmentId(), worker,
                            workerOrganisation, causation)
                            .call(state -> documents.planVersion(state, hetu.value(), causation))));
        });
    }

    private Uni<PlanState> persistNew(ClientId clientId, String organisation, Caller caller, Set<String> all,
            Map<String, DecisionAnswer> permits, PlanContent content, LocalDate reviewDate, UUID assessmentId,
            String worker, String workerOrganisation, Causation causation) {
        OffsetDateTime now = now();
        CarePlan plan = new CarePlan();
        plan.id = UUID.randomUUID();
        plan.clientId = clientId.value();
        plan.createdByOrganisation = organisation;
        plan.responsibleWorker = worker;
        plan.responsibleOrganisation = workerOrganisation;
        plan.planVersion = 1;
        plan.reviewDate = reviewDate;
        plan.jointAssessmentId = assessmentId;
        plan.createdAt = now;
        plan.updatedAt = now;
        CarePlanVersion version = version(plan, content, caller, organisation, now);
        List<PlanParticipant> rows = new ArrayList<>();
        for (String org : all) {
            rows.add(participant(plan.id, org, permits.get(org), now));
        }
        ResponsibleWorkerChange first = change(plan, null, null, worker, workerOrganisation,
                HandOverReason.ASSIGNMENT, caller, now);
        return locks.lock(plan.clientId)
                .chain(() -> refuseRevoked(rows))
                .chain(() -> plans.persist(plan))
                .chain(() -> versions.persist(version))
                .chain(() -> participants.persist(rows))
                .chain(() -> handOvers.persist(first))
                .chain(() -> plans.flush())
                .chain(() -> outbox.record(EventType.CARE_PLAN_UPDATED, clientId, PlanEvents.updated(plan, rows,
                        content), causation))
                .chain(() -> hints.raiseNew(plan.clientId, causation))
                .replaceWith(() -> new PlanState(plan, rows, version, List.of(first)))
                .call(state -> audit.plan(caller, AuditAction.CREATE, state, causation.correlationId()));
    }

    // --- read ---------------------------------------------------------------------------------------------------

    // reads of client data run in a transaction with their audit record

    public Uni<PlanState> find(UUID id, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return Panache.withTransaction(() -> load(id).map(state -> {
            if (state.participant(organisation).isEmpty()) {
                throw audit.planHidden(caller, AuditAction.READ, state, correlationId);
            }
            return state;
        }).call(state -> audit.plan(caller, AuditAction.READ, state, correlationId)));
    }

    public Uni<List<CarePlanVersion>> versions(UUID id, Caller caller, String correlationId) {
        return Panache.withTransaction(() -> load(id).chain(state -> {
            requireActive(state, caller, AuditAction.READ, correlationId);
            return audit.plan(caller, AuditAction.READ, state, correlationId).chain(() -> versions.ofPlan(id));
        }));
    }

    public Uni<List<ResponsibleWorkerChange>> history(UUID id, Caller caller, String correlationId) {
        return Panache.withTransaction(() -> load(id).chain(state -> {
            requireActive(state, caller, AuditAction.READ, correlationId);
            return audit.plan(caller, AuditAction.READ, state, correlationId).replaceWith(state.history());
        }));
    }

    /** The calling client's own plans (matched by the token's {@code hetu}); one LIST record per plan. */
    public Uni<List<PlanState>> mine(Caller caller, String correlationId) {
        String hetu = caller.hetu().orElseThrow(
                () -> ProblemException.forbidden("the token names no client (hetu claim)"));
        String clientId = pseudonymiser.clientIdOf(Henkilotunnus.parse(hetu)).value();
        return Panache.withTransaction(() -> plans.findByClient(clientId).chain(list -> {
            Uni<List<PlanState>> chain = Uni.createFrom().item(new ArrayList<>());
            for (CarePlan plan : list) {
                chain = chain.chain(states -> stateOf(plan).map(state -> {
                    states.add(state);
                    return states;
                }));
            }
            return chain.call(states -> audit.plansListedToClient(caller, states, correlationId));
        }));
    }

    /**
     * The plan for a FHIR read view: only an organisation with an active share gets it. A revoked or removed share is
     * 403 (a FHIR CarePlan cannot be shown as ids only: its subject is client data), anyone else 404; both audited.
     */
    public Uni<PlanState> findShared(UUID id, Caller caller, String correlationId) {
        return Panache.withTransaction(() -> load(id).chain(state -> {
            requireActive(state, caller, AuditAction.READ, correlationId);
            return audit.plan(caller, AuditAction.READ, state, correlationId).replaceWith(state);
        }));
    }

    /** The client's plans the caller's organisation has an active share of (FHIR search by patient); each read audited. */
    public Uni<List<PlanState>> sharedOfClient(Henkilotunnus hetu, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        String clientId = pseudonymiser.clientIdOf(hetu).value();
        return Panache.withTransaction(() -> plans.findByClient(clientId).chain(list -> {
            Uni<List<PlanState>> chain = Uni.createFrom().item(new ArrayList<>());
            for (CarePlan plan : list) {
                chain = chain.chain(shared -> stateOf(plan).chain(state -> {
                    if (state.participant(organisation).filter(PlanParticipant::isActive).isEmpty()) {
                        return Uni.createFrom().item(shared);
                    }
                    shared.add(state);
                    return audit.plan(caller, AuditAction.READ, state, correlationId).replaceWith(shared);
                }));
            }
            return chain;
        }));
    }

    // --- update -------------------------------------------------------------------------------------------------

    public Uni<PlanState> update(UUID id, PlanUpdateRequest request, long expectedVersion, Caller caller,
            Causation causation) {
        String organisation = caller.requireOrganisation();
        Henkilotunnus hetu = Henkilotunnus.parse(request.client());
        String clientId = pseudonymiser.clientIdOf(hetu).value();
        requireReviewDateAhead(request.reviewDate());
        Map<String, String> fields = participantFields(organisation, request.participants());
        Set<String> all = new LinkedHashSet<>(fields.values());
        PlanContent content = content(request.goals(), request.actions(), request.clientSummary(), all);
        return Panache.withSession(() -> load(id)).chain(before -> {
            requireEditable(before, caller, expectedVersion, causation.correlationId());
            if (!before.plan().clientId.equals(clientId)) {
                throw ProblemException.invalidField("client", "is not the client of this plan");
            }
            if (before.plan().responsibleOrganisation != null && !all.contains(before.plan().responsibleOrganisation)) {
                throw ProblemException.invalidField("participants",
                        "must keep the responsible worker's organisation; hand the responsibility over first");
            }
            Set<String> active = Set.copyOf(before.organisationsWith(PlanSharing.ACTIVE));
            Map<String, String> newcomers = new LinkedHashMap<>();
            fields.forEach((field, org) -> {
                if (!active.contains(org)) {
                    newcomers.put(field, org);
                }
            });
            return consents.requirePermits(hetu.value(), organisation, newcomers, causation.correlationId())
                    .chain(permits -> Panache.withTransaction(() -> applyUpdate(id, expectedVersion, organisation,
                            caller, all, permits, content, request.reviewDate(), causation)
                            .call(state -> documents.planVersion(state, hetu.value(), causation))));
        });
    }

    private Uni<PlanState> applyUpdate(UUID id, long expectedVersion, String organisation, Caller caller,
            Set<String> all, Map<String, DecisionAnswer> permits, PlanContent content, LocalDate reviewDate,
            Causation causation) {
        OffsetDateTime now = now();
        return plans.findById(id)
                .call(plan -> plan == null ? Uni.createFrom().voidItem() : locks.lock(plan.clientId))
                .chain(plan -> load(id)).chain(state -> {
                    requireEditable(state, caller, expectedVersion, causation.correlationId());
                    CarePlan plan = state.plan();
                    List<PlanParticipant> rows = new ArrayList<>(state.participants());
                    List<PlanParticipant> added = new ArrayList<>();
                    for (PlanParticipant row : rows) {
                        if (!all.contains(row.organisation) && row.status == PlanSharing.ACTIVE) {
                            row.status = PlanSharing.REMOVED;
                            row.changedAt = now;
                        } else if (all.contains(row.organisation) && row.status != PlanSharing.ACTIVE) {
                            DecisionAnswer permit = permits.get(row.organisation);
                            row.status = PlanSharing.ACTIVE;
                            row.consentId = permit == null ? null : permit.consentId();
                            row.decisionId = permit == null ? null : permit.id();
                            row.changedAt = now;
                        }
                    }
                    for (String org : all) {
                        if (state.participant(org).isEmpty()) {
                            PlanParticipant row = participant(plan.id, org, permits.get(org), now);
                            added.add(row);
                            rows.add(row);
                        }
                    }
                    plan.planVersion = plan.planVersion + 1;
                    plan.reviewDate = reviewDate;
                    plan.updatedAt = now;
                    CarePlanVersion version = version(plan, content, caller, organisation, now);
                    return refuseRevoked(rows.stream().filter(PlanParticipant::isActive).toList())
                            .chain(() -> added.isEmpty() ? Uni.createFrom().voidItem() : participants.persist(added))
                            .chain(() -> versions.persist(version))
                            .chain(() -> plans.flush())
                            .chain(() -> outbox.record(EventType.CARE_PLAN_UPDATED, new ClientId(plan.clientId),
                                    PlanEvents.updated(plan, rows, content), causation))
                            .chain(() -> hints.raiseNew(plan.clientId, causation))
                            .replaceWith(() -> new PlanState(plan, rows, version, state.history()))
                            .call(updated -> audit.plan(caller, AuditAction.UPDATE, updated,
                                    causation.correlationId()));
                });
    }

    // --- responsible worker -------------------------------------------------------------------------------------

    /**
     * Hands the responsibility over (SHL 42 §). One column holds the responsible worker and the plan's version guards
     * it: of concurrent hand-overs exactly one wins, the others get 412 (their {@code If-Match} is stale) or 409
     * (they lost the race at the write).
     */
    public Uni<PlanState> handOver(UUID id, HandOverRequest request, OptionalLong expectedVersion, Caller caller,
            Causation causation) {
        String organisation = caller.requireOrganisation();
        return Panache.withTransaction(() -> load(id).chain(state -> {
            requireActive(state, caller, AuditAction.UPDATE, causation.correlationId());
            CarePlan plan = state.plan();
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != plan.version) {
                throw stale();
            }
            if (state.participant(request.organisation()).filter(PlanParticipant::isActive).isEmpty()) {
                throw ProblemException.invalidField("organisation",
                        "must be an organisation taking part in the plan (with an active share)");
            }
            if (request.worker().equals(plan.responsibleWorker)
                    && request.organisation().equals(plan.responsibleOrganisation)) {
                throw new ProblemException(ProblemType.CONFLICT, "the worker is already the responsible worker");
            }
            OffsetDateTime now = now();
            ResponsibleWorkerChange change = change(plan, plan.responsibleWorker, plan.responsibleOrganisation,
                    request.worker(), request.organisation(), request.reason(), caller, now);
            plan.responsibleWorker = request.worker();
            plan.responsibleOrganisation = request.organisation();
            plan.updatedAt = now;
            List<ResponsibleWorkerChange> history = new ArrayList<>(state.history());
            history.add(change);
            // the plan first: a concurrent hand-over fails here on the version, before its history row, which is
            // kept under the version the hand-over gave the plan (unique per plan and version: a backstop)
            return plans.flush()
                    .invoke(() -> change.planVersion = plan.version)
                    .chain(() -> handOvers.persist(change))
                    .chain(() -> handOvers.flush())
                    .chain(() -> outbox.record(EventType.CARE_PLAN_RESPONSIBLE_WORKER_CHANGED,
                            new ClientId(plan.clientId), PlanEvents.handedOver(plan, change), causation))
                    .chain(() -> hints.raiseNew(plan.clientId, causation))
                    .replaceWith(() -> new PlanState(plan, state.participants(), state.current(), history))
                    .call(handedOver -> audit.plan(caller, AuditAction.UPDATE, handedOver,
                            causation.correlationId()));
        })).onFailure(org.hibernate.exception.ConstraintViolationException.class).transform(
                e -> new ProblemException(ProblemType.CONFLICT, "another hand-over of this plan won; read it again"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The plan with its participants, current content and history; 404 if there is none. In a session. */
    Uni<PlanState> load(UUID id) {
        return plans.findById(id).chain(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("plan");
            }
            return stateOf(plan);
        });
    }

    private Uni<PlanState> stateOf(CarePlan plan) {
        return participants.ofPlan(plan.id).chain(rows -> versions.find(plan.id, plan.planVersion)
                .chain(current -> handOvers.ofPlan(plan.id)
                        .map(history -> new PlanState(plan, rows, current, history))));
    }

    /**
     * Anyone not taking part: 404 (it does not learn the plan exists); a revoked or removed share: 403. Both are
     * refusals on an existing plan, audited as REFUSED.
     */
    private void requireActive(PlanState state, Caller caller, AuditAction action, String correlationId) {
        PlanParticipant participant = state.participant(caller.requireOrganisation())
                .orElseThrow(() -> audit.planHidden(caller, action, state, correlationId));
        if (!participant.isActive()) {
            throw audit.planForbidden(ProblemException.forbidden("the organisation's share of this plan was "
                    + participant.status + ": it sees the plan's ids only"), caller, action, state, correlationId);
        }
    }

    private void requireEditable(PlanState state, Caller caller, long expectedVersion, String correlationId) {
        requireActive(state, caller, AuditAction.UPDATE, correlationId);
        if (state.plan().version != expectedVersion) {
            throw stale();
        }
    }

    private static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the plan changed since the version named in If-Match: read it again (its ETag is its version)");
    }

    /** A consent revoked before this transaction: the participant it let in is refused (403). */
    private Uni<Void> refuseRevoked(List<PlanParticipant> rows) {
        Set<UUID> consentIds = new LinkedHashSet<>();
        rows.stream().filter(r -> r.consentId != null).forEach(r -> consentIds.add(r.consentId));
        return revokedConsents.revokedAmong(consentIds).map(revoked -> {
            if (!revoked.isEmpty()) {
                throw ProblemException.forbidden(
                        "a consent (purpose JOINT_CLIENT_PLAN) this change rests on was revoked meanwhile");
            }
            return null;
        }).replaceWithVoid();
    }

    /** Field → OID: the caller's own organisation first, then the listed ones; a repeated one is 400. */
    private static Map<String, String> participantFields(String organisation, List<String> listed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organisation", organisation);
        if (listed != null) {
            for (int i = 0; i < listed.size(); i++) {
                String org = listed.get(i);
                if (fields.containsValue(org) && !org.equals(organisation)) {
                    throw ProblemException.invalidField("participants[" + i + "]", "is named twice");
                }
                if (!org.equals(organisation)) {
                    fields.put("participants[" + i + "]", org);
                }
            }
        }
        return fields;
    }

    private static PlanContent content(List<PlanGoalInput> goals, List<PlanActionInput> actions, String summary,
            Set<String> participants) {
        List<PlanActionInput> actionList = actions == null ? List.of() : actions;
        for (int i = 0; i < actionList.size(); i++) {
            if (!participants.contains(actionList.get(i).organisation())) {
                throw ProblemException.invalidField("actions[" + i + "].organisation",
                        "must be a participating organisation");
            }
        }
        return new PlanContent(
                (goals == null ? List.<PlanGoalInput>of() : goals).stream()
                        .map(g -> new PlanContent.Goal(g.category(), g.description().strip(),
                                g.clientText() == null ? null : g.clientText().strip()))
                        .toList(),
                actionList.stream().map(a -> new PlanContent.Action(a.description().strip(), a.organisation(),
                        a.referralId(), a.dueDate(), a.clientText() == null ? null : a.clientText().strip())).toList(),
                summary == null ? null : summary.strip());
    }

    private void requireReviewDateAhead(LocalDate reviewDate) {
        if (reviewDate != null && reviewDate.isBefore(LocalDate.now(clock))) {
            throw ProblemException.invalidField("reviewDate", "must not be in the past");
        }
    }

    private static CarePlanVersion version(CarePlan plan, PlanContent content, Caller caller, String organisation,
            OffsetDateTime now) {
        CarePlanVersion version = new CarePlanVersion();
        version.planId = plan.id;
        version.planVersion = plan.planVersion;
        version.content = PlanMapper.json(content);
        version.createdBy = caller.subject();
        version.createdByOrganisation = organisation;
        version.createdAt = now;
        return version;
    }

    private static PlanParticipant participant(UUID planId, String organisation, DecisionAnswer permit,
            OffsetDateTime now) {
        PlanParticipant row = new PlanParticipant();
        row.planId = planId;
        row.organisation = organisation;
        row.status = PlanSharing.ACTIVE;
        row.consentId = permit == null ? null : permit.consentId();
        row.decisionId = permit == null ? null : permit.id();
        row.addedAt = now;
        row.changedAt = now;
        return row;
    }

    private static ResponsibleWorkerChange change(CarePlan plan, String fromWorker, String fromOrganisation,
            String toWorker, String toOrganisation, HandOverReason reason, Caller caller, OffsetDateTime now) {
        ResponsibleWorkerChange change = new ResponsibleWorkerChange();
        change.id = UUID.randomUUID();
        change.planId = plan.id;
        change.planVersion = plan.version;
        change.fromWorker = fromWorker;
        change.fromOrganisation = fromOrganisation;
        change.toWorker = toWorker;
        change.toOrganisation = toOrganisation;
        change.reason = reason;
        change.changedBy = caller.subject();
        change.changedAt = now;
        return change;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
