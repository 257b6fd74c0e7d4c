package fi.yhdyspinta.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.referral.domain.ConsentStatus;
import fi.yhdyspinta.referral.domain.DataCategories;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.repository.NeedRepository;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.repository.RevokedConsents;
import io.smallrye.mutiny.Uni;

/**
 * What consent decisions do to referrals (DESIGN §4 steps 3 and 6, closed loop on denial). Runs inside
 * the inbox's transaction: the processed-event row, the referral change and its event commit together.
 * A decision applies only to the referral of its need, for the same client and receiver; a stale one
 * never brings a referral back (a permit only sends a referral still {@code AWAITING_CONSENT}, and never
 * one resting on a consent whose revocation was seen — revocation is final, whatever order events come in).
 */
@ApplicationScoped
public class ConsentOutcomes {

    private static final Logger LOG = Logger.getLogger(ConsentOutcomes.class);
    private static final List<ReferralStatus> OPEN = List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED,
            ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);

    private final ReferralRepository referrals;
    private final NeedRepository needs;
    private final ReferralService referralService;
    private final RevokedConsents revokedConsents;
    private final ReferralChanges changes;

    public ConsentOutcomes(ReferralRepository referrals, NeedRepository needs, ReferralService referralService,
            RevokedConsents revokedConsents, ReferralChanges changes) {
        this.referrals = referrals;
        this.needs = needs;
        this.referralService = referralService;
        this.revokedConsents = revokedConsents;
        this.changes = changes;
    }

    /**
     * A permit for a waiting need sends its referral, carrying the decision id and the data categories
     * the receiver may see: those the decision permitted of those the sender meant to disclose.
     */
    public Uni<Void> granted(CloudEvent event, ConsentGranted grant) {
        return onRevokedConsent(grant).chain(revoked -> {
            if (revoked) {
                LOG.infof("consent-granted %s rests on a revoked consent: ignored", event.id());
                return Uni.createFrom().voidItem();
            }
            return send(event, grant);
        });
    }

    private Uni<Void> send(CloudEvent event, ConsentGranted grant) {
        return referralOfNeed(event, grant.needId(), grant.clientId(), grant.recipientOrganisation())
                .chain(referral -> {
                    if (referral == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (referral.status != ReferralStatus.AWAITING_CONSENT) {
                        LOG.infof("consent-granted %s does not apply to referral %s in status %s", event.id(),
                                referral.id, referral.status);
                        return Uni.createFrom().voidItem();
                    }
                    return needs.findById(referral.needId).chain(need -> {
                        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
                        grant.dataCategories().forEach(code -> permitted.add(DataCategory.valueOf(code)));
                        permitted.retainAll(DataCategories.parse(need.dataCategories));
                        return referralService.move(referral, ReferralStatus.SENT, Causation.after(event), () -> {
                            referral.consentDecisionId = UUID.fromString(grant.decisionId());
                            referral.consentId = grant.consentId() == null ? null : UUID.fromString(grant.consentId());
                            referral.legalBasis = grant.basis();
                            referral.purpose = purposeOf(grant, referral.purpose);
                            referral.permittedDataCategories = DataCategories.format(permitted);
                            referral.consentStatus = ConsentStatus.GRANTED;
                            referral.consentDenialReason = null;
                        }).replaceWithVoid();
                    });
                });
    }

    /**
     * A denial of a waiting need is recorded for the sender (consent status and reason) and leaves the
     * referral waiting: the client may still consent later. A denial of a need whose referral is open —
     * a new prohibition now forbids what was permitted — suspends it.
     */
    public Uni<Void> denied(CloudEvent event, ConsentDenied denial) {
        DenialReason reason = DenialReason.valueOf(denial.reason());
        return referralOfNeed(event, denial.needId(), denial.clientId(), denial.recipientOrganisation())
                .chain(referral -> {
                    if (referral == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (referral.status == ReferralStatus.AWAITING_CONSENT) {
                        referral.consentStatus = ConsentStatus.DENIED;
                        referral.consentDenialReason = reason;
                        referral.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                        return changes.announce(referral.id);
                    }
                    if (ReferralLifecycle.isOpen(referral.status)) {
                        return referralService.move(referral, ReferralStatus.SUSPENDED, Causation.after(event), () -> {
                            referral.consentStatus = ConsentStatus.DENIED;
                            referral.consentDenialReason = reason;
                        }).replaceWithVoid();
                    }
                    LOG.infof("consent-denied %s does not apply to referral %s in status %s", event.id(), referral.id,
                            referral.status);
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * A revocation suspends every open referral that rested on the consent, and is remembered: a permit
     * on that consent handled later (re-driven, late) sends nothing.
     */
    public Uni<Void> revoked(CloudEvent event, ConsentRevoked revocation) {
        UUID consentId = UUID.fromString(revocation.consentId());
        return revokedConsents.record(consentId, revocation.revokedAt())
                .chain(() -> referrals.findOpenOnConsent(consentId, OPEN))
                .chain(open -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Referral referral : open) {
                        chain = chain.chain(() -> referralService.move(referral, ReferralStatus.SUSPENDED,
                                Causation.after(event), () -> referral.consentStatus = ConsentStatus.REVOKED)
                                .replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** The permit's purpose, which the disclosure now rests on; the need's if the permit names none we know. */
    private static Purpose purposeOf(ConsentGranted grant, Purpose needs) {
        try {
            return grant.purpose() == null ? needs : Purpose.valueOf(grant.purpose());
        } catch (IllegalArgumentException unknown) {
            return needs;
        }
    }

    private Uni<Boolean> onRevokedConsent(ConsentGranted grant) {
        return grant.consentId() == null ? Uni.createFrom().item(false)
                : revokedConsents.isRevoked(UUID.fromString(grant.consentId()));
    }

    /** The referral of the decision's need, if the decision is about its client and receiver; else null. */
    private Uni<Referral> referralOfNeed(CloudEvent event, String needId, String clientId, String recipient) {
        if (needId == null) {
            return Uni.createFrom().nullItem();
        }
        return referrals.findByNeed(UUID.fromString(needId)).map(referral -> {
            if (referral == null) {
                LOG.warnf("%s %s names an unknown need", event.type(), event.id());
                return null;
            }
            if (!referral.receiverOrganisation.equals(recipient) || !referral.clientId.equals(clientId)) {
                LOG.infof("%s %s is for another client or recipient than referral %s", event.type(), event.id(),
                        referral.id);
                return null;
            }
            return referral;
        });
    }
}
