package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.events.code.SocialPrescriptionStatus;
import fi.yhdyspinta.referral.domain.SocialPrescriptionLifecycle;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.service.SocialPrescriptions.Prescribed;

/**
 * A social prescription as the prescriber or the NGO may see it: the NGO-side status, what may come next, and its
 * referral as {@link ReferralDisclosure} shows it to the caller (consent status, outcome, deadline, history link).
 */
public record SocialPrescriptionView(UUID id, UUID serviceId, SocialPrescriptionStatus status,
        Set<SocialPrescriptionStatus> allowedTransitions, OffsetDateTime startedAt, OffsetDateTime endedAt,
        ReferralView referral) {

    public static SocialPrescriptionView of(Prescribed found, String organisation) {
        return new SocialPrescriptionView(found.prescription().referralId, found.prescription().serviceId,
                found.prescription().status, SocialPrescriptionLifecycle.allowedAfter(found.prescription().status),
                found.prescription().startedAt, found.prescription().endedAt,
                ReferralDisclosure.view(found.referral(), organisation));
    }
}
