package fi.yhdyspinta.referral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.fhir.ReferralDocuments;
import fi.yhdyspinta.referral.config.ReferralDeadlines;
import fi.yhdyspinta.referral.domain.Actor;
import fi.yhdyspinta.referral.domain.ForwardReason;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.domain.ReferralTransition;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.mapping.ReferralEvents;
import fi.yhdyspinta.referral.repository.NeedRepository;
import fi.yhdyspinta.referral.repository.ReferralListQuery;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.repository.ReferralTransitionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Moves referrals through their lifecycle on behalf of the sending and receiving organisations.
 * An organisation sees only referrals it sent, or received with a permit ({@link ReferralDisclosure});
 * anyone else gets 404, which does not reveal that the referral exists. Every change may name the version
 * it applies to ({@code If-Match}): a stale one is 412. Every transition goes through {@link #move}, which
 * checks the lifecycle, writes the history row and records the event, in the one transaction.
 */
@ApplicationScoped
public class ReferralService {

    private final ReferralRepository referrals;
    private final ReferralTransitionRepository transitions;
    private final NeedRepository needs;
    private final Outbox outbox;
    private final ReferralChanges changes;
    private final ServiceDirectory directory;
    private final OrganisationRegistry registry;
    private final ReferralIntake intake;
    private final ReferralDeadlines deadlines;
    private final ReferralAudit audit;
    private final Clock clock;
    /** A completed referral with its feedback becomes an archive document (issue 8) in the completion's transaction. */
    private final ReferralDocuments archive;

    public ReferralService(ReferralRepository referrals, ReferralTransitionRepository transitions,
            NeedRepository needs, Outbox outbox, ReferralChanges changes, ServiceDirectory directory,
            OrganisationRegistry registry, ReferralIntake intake, ReferralDeadlines deadlines, ReferralAudit audit,
            Clock clock, ReferralDocuments archive) {
        this.archive = archive;
        this.audit = audit;
        this.referrals = referrals;
        this.transitions = transitions;
        this.needs = needs;
        this.outbox = outbox;
        this.changes = changes;
        this.directory = directory;
        this.registry = registry;
        this.intake = intake;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The referral, if the caller's organisation may see it. The read is audited in the same transaction when
     * {@code answers} says this version is what the request answers with (a long poll reads first without
     * answering, then waits); a referral the caller may not see is a refused read (404), audited after it.
     */
    @WithTransaction
    public Uni<Referral> read(UUID id, Caller caller, String correlationId, Predicate<Referral> answers) {
        return visibleTo(id, caller, AuditAction.READ, correlationId)
                .call(r -> answers.test(r) ? audit.referralRead(caller, r, correlationId)
                        : Uni.createFrom().voidItem());
    }

    /**
     * The receiving organisation opened a SENT referral: it becomes RECEIVED (once; the sender sees it). Two
     * first reads at once race on the referral's version: one moves it, the other's transaction fails on the
     * version check and the caller ({@link FirstRead}) reads again.
     */
    @WithTransaction
    public Uni<Referral> receive(UUID id, Caller caller, String correlationId) {
        return visibleTo(id, caller, AuditAction.READ, correlationId).chain(r -> receivesNow(r, caller)
                ? move(r, ReferralStatus.RECEIVED, Causation.fromRequest(null), Actor.of(caller), () -> {
                })
                : Uni.createFrom().item(r));
    }

    /** Whether this read by the caller is the receiver's first of a SENT referral it may see. */
    public static boolean receivesNow(Referral r, Caller caller) {
        return r.status == ReferralStatus.SENT && caller.organisation().map(r.receiverOrganisation::equals)
                .orElse(false) && ReferralDisclosure.visibleTo(r, r.receiverOrganisation);
    }

    /**
     * One page of the caller's organisation's referrals (at most {@code limit + 1}: the extra one says "more");
     * each referral the page answers with is audited.
     */
    @WithTransaction
    public Uni<List<Referral>> page(ReferralListQuery query, Caller caller, String correlationId) {
        return referrals.page(query)
                .map(list -> list.stream().filter(r -> ReferralDisclosure.visibleTo(r, query.organisation())).toList())
                .call(list -> audit.referralsListed(caller, list.subList(0, Math.min(list.size(), query.limit())),
                        correlationId));
    }

    /** Every transition of a referral the caller may see, in order (a read of the referral, audited). */
    @WithTransaction
    public Uni<List<ReferralTransition>> history(UUID id, Caller caller, String correlationId) {
        return visibleTo(id, caller, AuditAction.READ, correlationId)
                .call(r -> audit.referralRead(caller, r, correlationId))
                .chain(r -> transitions.historyOf(r.id));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @WithTransaction
    public Uni<Referral> accept(UUID id, Caller caller, Causation causation, OptionalLong expected) {
        return asReceiver(id, caller, causation, expected)
                .chain(r -> move(r, ReferralStatus.ACCEPTED, causation, Actor.of(caller), () -> {
                }))
                .call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> start(UUID id, Caller caller, Causation causation, OptionalLong expected) {
        return asReceiver(id, caller, causation, expected)
                .chain(r -> move(r, ReferralStatus.IN_PROGRESS, causation, Actor.of(caller), () -> {
                }))
                .call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> decline(UUID id, DeclineReason reason, String suggestedRecipient, Caller caller,
            Causation causation, OptionalLong expected) {
        return asReceiver(id, caller, causation, expected).chain(r -> {
            if (suggestedRecipient.equals(r.receiverOrganisation)) {
                throw ProblemException.invalidField("suggestedRecipient", "must be another organisation than the decliner");
            }
            return directory.requireActiveOrganisation(suggestedRecipient, "suggestedRecipient")
                    .chain(active -> move(r, ReferralStatus.DECLINED, causation, Actor.of(caller, reason), () -> {
                        r.declineReason = reason;
                        r.suggestedRecipient = suggestedRecipient;
                    }));
        }).call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> complete(UUID id, ReferralOutcome outcome, String feedback, Caller caller,
            Causation causation, OptionalLong expected) {
        return asReceiver(id, caller, causation, expected)
                .chain(r -> move(r, ReferralStatus.COMPLETED, causation, Actor.of(caller, outcome), () -> {
                    r.outcome = outcome;
                    r.feedback = feedback;
                })).call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> cancel(UUID id, Caller caller, Causation causation, OptionalLong expected) {
        return asSender(id, caller, causation, expected, "only the sending organisation may cancel a referral")
                .chain(r -> move(r, ReferralStatus.CANCELLED, causation, Actor.of(caller), () -> {
                })).call(r -> updated(r, caller, causation));
    }

    /**
     * The receiver forwards the referral (siirto) instead of answering it: the original becomes FORWARDED and
     * links to a new referral from the forwarder to the target — same client, category and urgency, the data the
     * forwarder was permitted — which waits for its own consent decision, the forwarder disclosing. The target
     * sees nothing before that permit. Never back to the original sender (that is a decline with a suggestion)
     * and never to itself.
     */
    @WithTransaction
    public Uni<Referral> forward(UUID id, String target, ForwardReason reason, Caller caller, Causation causation,
            OptionalLong expected) {
        return asReceiver(id, caller, causation, expected).chain(original -> {
            requireTransition(original, ReferralStatus.FORWARDED);
            if (target.equals(original.receiverOrganisation)) {
                throw ProblemException.invalidField("targetOrganisation", "must be another organisation than the forwarder");
            }
            if (target.equals(original.senderOrganisation)) {
                throw ProblemException.invalidField("targetOrganisation",
                        "must not be the original sender: decline with a reason and a suggested recipient instead");
            }
            return directory.requireActiveOrganisation(target, "targetOrganisation")
                    .chain(targetOrg -> registry.actingOrganisation(original.receiverOrganisation)
                            .chain(source -> needs.findById(original.needId).chain(need -> {
                                Set<DataCategory> data = original.permittedDataCategorySet();
                                if (data.isEmpty()) {
                                    data = EnumSet.copyOf(need.dataCategoryList());
                                }
                                return intake.open(new ReferralIntake.Opening(original.clientHetu, original.clientId,
                                        original.category, original.urgency, need.purpose, data, source, targetOrg,
                                        original.id, reason.name()), caller, causation);
                            })))
                    .chain(created -> move(original, ReferralStatus.FORWARDED, causation, Actor.of(caller, reason),
                            () -> {
                                original.forwardedTo = created.id;
                                original.forwardReason = reason;
                            }).call(moved -> updated(moved, caller, causation)).replaceWith(created));
        });
    }

    /**
     * The sender sends an EXPIRED or DECLINED referral on to another organisation (re-route, e.g. to the
     * decliner's suggestion): a new referral from the sender awaiting its own consent; the original links to it.
     * Once per referral.
     */
    @WithTransaction
    public Uni<Referral> reroute(UUID id, String target, Caller caller, Causation causation, OptionalLong expected) {
        return asSender(id, caller, causation, expected, "only the sending organisation may re-route a referral").chain(original -> {
            if (!ReferralLifecycle.mayReroute(original.status)) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "only an EXPIRED or DECLINED referral may be re-routed; this one is " + original.status,
                        List.of(), Map.of("currentStatus", original.status));
            }
            if (original.forwardedTo != null) {
                throw new ProblemException(ProblemType.CONFLICT, "the referral was re-routed already",
                        List.of(), Map.of("forwardedTo", original.forwardedTo));
            }
            if (target.equals(original.senderOrganisation)) {
                throw ProblemException.invalidField("targetOrganisation", "must be another organisation than the caller's");
            }
            return directory.requireActiveOrganisation(target, "targetOrganisation")
                    .chain(targetOrg -> registry.actingOrganisation(original.senderOrganisation)
                            .chain(source -> needs.findById(original.needId).chain(need -> intake.open(
                                    new ReferralIntake.Opening(original.clientHetu, original.clientId,
                                            original.category, original.urgency, need.purpose,
                                            need.dataCategoryList(), source, targetOrg, original.id, "REROUTE"),
                                    caller, causation))))
                    .chain(created -> {
                        original.forwardedTo = created.id;
                        original.updatedAt = now();
                        return referrals.flush().chain(() -> changes.announce(original.id))
                                .chain(() -> updated(original, caller, causation)).replaceWith(created);
                    });
        });
    }

    /**
     * The deadline watch found the referral unanswered past its deadline: marked once, {@code referral-overdue}
     * for both organisations' unit leads. Not a transition: the referral stays where it is.
     */
    Uni<Referral> markOverdue(Referral referral, Causation causation) {
        referral.overdueAt = now();
        referral.updatedAt = referral.overdueAt;
        return referrals.flush()
                .chain(() -> outbox.record(EventType.REFERRAL_OVERDUE, new ClientId(referral.clientId),
                        ReferralEvents.statusChanged(referral, referral.status), causation))
                .chain(() -> changes.announce(referral.id))
                .replaceWith(referral);
    }

    /** The transition is audited in its transaction, after it succeeded: a refused or illegal one leaves no UPDATE. */
    private Uni<Void> updated(Referral referral, Caller caller, Causation causation) {
        return audit.referralUpdated(caller, referral, causation.correlationId());
    }

    private Uni<Referral> asReceiver(UUID id, Caller caller, Causation causation, OptionalLong expected) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).map(r -> {
            if (!r.receiverOrganisation.equals(caller.requireOrganisation())) {
                throw audit.referralForbidden(ProblemException.forbidden("only the receiving organisation may do this"),
                        caller, AuditAction.UPDATE, r, causation.correlationId());
            }
            requireVersion(r, expected);
            return r;
        });
    }

    private Uni<Referral> asSender(UUID id, Caller caller, Causation causation, OptionalLong expected, String refusal) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).map(r -> {
            if (!r.senderOrganisation.equals(caller.requireOrganisation())) {
                throw audit.referralForbidden(ProblemException.forbidden(refusal), caller, AuditAction.UPDATE, r,
                        causation.correlationId());
            }
            requireVersion(r, expected);
            return r;
        });
    }

    /** {@code If-Match}: the change applies only to the version the caller read (none named: any). */
    static void requireVersion(Referral r, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != r.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the referral changed since the version named in If-Match: read it again (its ETag is its version)",
                    List.of(), Map.of("currentVersion", r.version));
        }
    }

    /**
     * The referral, if the caller's organisation may see it ({@link ReferralDisclosure}): a referral
     * that never had a permit does not exist for its receiver, so its actions answer 404 as well. An
     * existing referral answered 404 is a refused attempt ({@code action}), audited; an unknown id is not.
     */
    private Uni<Referral> visibleTo(UUID id, Caller caller, AuditAction action, String correlationId) {
        String organisation = caller.requireOrganisation();
        return referrals.findById(id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("referral");
            }
            if (!ReferralDisclosure.visibleTo(r, organisation)) {
                throw audit.referralHidden(caller, action, r, correlationId);
            }
            return r;
        });
    }

    Uni<Referral> move(Referral referral, ReferralStatus target, Causation causation) {
        return move(referral, target, causation, () -> {
        });
    }

    /** A transition no organisation made: a consent decision arrived (consent-service decides, not a worker). */
    Uni<Referral> move(Referral referral, ReferralStatus target, Causation causation, Runnable changes) {
        return move(referral, target, causation, Actor.system(systemReason(referral.status, target)), changes);
    }

    private static String systemReason(ReferralStatus from, ReferralStatus to) {
        if (to == ReferralStatus.SENT && from == ReferralStatus.AWAITING_CONSENT) {
            return "CONSENT_PERMITTED";
        }
        if (to == ReferralStatus.SUSPENDED) {
            return "CONSENT_WITHDRAWN";
        }
        if (to == ReferralStatus.EXPIRED) {
            return "DEADLINE_PASSED";
        }
        return null;
    }

    private static void requireTransition(Referral referral, ReferralStatus target) {
        ReferralStatus previous = referral.status;
        if (!ReferralLifecycle.allows(previous, target)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "a referral in status " + previous + " cannot become " + target, List.of(),
                    Map.of("currentStatus", previous, "allowedTransitions", ReferralLifecycle.allowedAfter(previous)));
        }
    }

    /**
     * The one place where a referral changes status: checks the lifecycle, starts the answer deadline when it is
     * SENT, writes the history row (who, role, why) and records the event — all in the caller's transaction.
     */
    Uni<Referral> move(Referral referral, ReferralStatus target, Causation causation, Actor actor, Runnable changes) {
        requireTransition(referral, target);
        ReferralStatus previous = referral.status;
        OffsetDateTime now = now();
        changes.run();
        referral.status = target;
        referral.updatedAt = now;
        if (target == ReferralStatus.SENT) {
            referral.dueAt = deadlines.dueAt(referral.urgency, now);
        }
        // flushed first, so that the event carries the version this change gave the referral (@Version):
        // consumers that keep the referral's state ignore an event not newer than what they hold
        return referrals.flush()
                .chain(() -> transitions.persist(ReferralTransition.of(referral.id, previous, target, now, actor)))
                .chain(() -> outbox.record(ReferralEvents.typeFor(target), new ClientId(referral.clientId),
                        ReferralEvents.statusChanged(referral, previous), causation))
                .call(() -> target == ReferralStatus.COMPLETED ? archive.completed(referral, causation)
                        : Uni.createFrom().voidItem())
                .chain(() -> this.changes.announce(referral.id))
                .replaceWith(referral);
    }
}
