package fi.yhdyspinta.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.mapping.ReferralEvents;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Moves referrals through their lifecycle on behalf of the sending and receiving organisations.
 * An organisation sees only referrals it sent, or received with a permit ({@link ReferralDisclosure});
 * anyone else gets 404, which does not reveal that the referral exists.
 */
@ApplicationScoped
public class ReferralService {

    private final ReferralRepository referrals;
    private final Outbox outbox;
    private final ReferralChanges changes;
    private final ServiceDirectory directory;
    private final ReferralAudit audit;

    public ReferralService(ReferralRepository referrals, Outbox outbox, ReferralChanges changes,
            ServiceDirectory directory, ReferralAudit audit) {
        this.referrals = referrals;
        this.outbox = outbox;
        this.changes = changes;
        this.directory = directory;
        this.audit = audit;
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

    /** Referrals the caller's organisation sent, or received with a permit; each one returned is audited. */
    @WithTransaction
    public Uni<List<Referral>> list(Caller caller, boolean sent, ReferralStatus status, String correlationId) {
        String organisation = caller.requireOrganisation();
        return referrals.findFor(organisation, sent, status, 200)
                .map(list -> list.stream().filter(r -> ReferralDisclosure.visibleTo(r, organisation)).toList())
                .call(list -> audit.referralsListed(caller, list, correlationId));
    }

    @WithTransaction
    public Uni<Referral> accept(UUID id, Caller caller, Causation causation) {
        return asReceiver(id, caller, causation).chain(r -> move(r, ReferralStatus.ACCEPTED, causation))
                .call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> start(UUID id, Caller caller, Causation causation) {
        return asReceiver(id, caller, causation).chain(r -> move(r, ReferralStatus.IN_PROGRESS, causation))
                .call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> decline(UUID id, DeclineReason reason, String suggestedRecipient, Caller caller,
            Causation causation) {
        return asReceiver(id, caller, causation).chain(r -> {
            if (suggestedRecipient.equals(r.receiverOrganisation)) {
                throw ProblemException.invalidField("suggestedRecipient", "must be another organisation than the decliner");
            }
            return directory.requireActiveOrganisation(suggestedRecipient, "suggestedRecipient")
                    .chain(active -> move(r, ReferralStatus.DECLINED, causation, () -> {
                        r.declineReason = reason;
                        r.suggestedRecipient = suggestedRecipient;
                    }));
        }).call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> complete(UUID id, ReferralOutcome outcome, String feedback, Caller caller,
            Causation causation) {
        return asReceiver(id, caller, causation).chain(r -> move(r, ReferralStatus.COMPLETED, causation, () -> {
            r.outcome = outcome;
            r.feedback = feedback;
        })).call(r -> updated(r, caller, causation));
    }

    @WithTransaction
    public Uni<Referral> cancel(UUID id, Caller caller, Causation causation) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).chain(r -> {
            if (!r.senderOrganisation.equals(caller.requireOrganisation())) {
                throw audit.referralForbidden(
                        ProblemException.forbidden("only the sending organisation may cancel a referral"), caller,
                        AuditAction.UPDATE, r, causation.correlationId());
            }
            return move(r, ReferralStatus.CANCELLED, causation);
        }).call(r -> updated(r, caller, causation));
    }

    /** The transition is audited in its transaction, after it succeeded: a refused or illegal one leaves no UPDATE. */
    private Uni<Void> updated(Referral referral, Caller caller, Causation causation) {
        return audit.referralUpdated(caller, referral, causation.correlationId());
    }

    private Uni<Referral> asReceiver(UUID id, Caller caller, Causation causation) {
        return visibleTo(id, caller, AuditAction.UPDATE, causation.correlationId()).map(r -> {
            if (!r.receiverOrganisation.equals(caller.requireOrganisation())) {
                throw audit.referralForbidden(ProblemException.forbidden("only the receiving organisation may do this"),
                        caller, AuditAction.UPDATE, r, causation.correlationId());
            }
            return r;
        });
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

    /** The one place where a referral changes status: checks the lifecycle and records the event. */
    Uni<Referral> move(Referral referral, ReferralStatus target, Causation causation, Runnable changes) {
        ReferralStatus previous = referral.status;
        if (!ReferralLifecycle.allows(previous, target)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "a referral in status " + previous + " cannot become " + target, List.of(),
                    Map.of("currentStatus", previous, "allowedTransitions", ReferralLifecycle.allowedAfter(previous)));
        }
        changes.run();
        referral.status = target;
        referral.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        // flushed first, so that the event carries the version this change gave the referral (@Version):
        // consumers that keep the referral's state ignore an event not newer than what they hold
        return referrals.flush()
                .chain(() -> outbox.record(ReferralEvents.typeFor(target), new ClientId(referral.clientId),
                        ReferralEvents.statusChanged(referral, previous), causation))
                .chain(() -> this.changes.announce(referral.id))
                .replaceWith(referral);
    }
}
