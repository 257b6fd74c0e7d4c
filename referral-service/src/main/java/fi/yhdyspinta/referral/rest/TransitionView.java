package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.referral.domain.ReferralTransition;

/**
 * One step of a referral's history: {@code from} is null for its creation; {@code actorRole} SYSTEM (and no
 * organisation) for a consent decision arriving or a deadline; {@code reasonCode} a code (decline or forward
 * reason, outcome, CONSENT_PERMITTED, CONSENT_WITHDRAWN, DEADLINE_PASSED, REROUTE), never free text.
 */
public record TransitionView(ReferralStatus from, ReferralStatus to, OffsetDateTime at, String actorOrganisation,
        String actorRole, String reasonCode) {

    public static TransitionView of(ReferralTransition t) {
        return new TransitionView(t.fromStatus, t.toStatus, t.at, t.actorOrganisation, t.actorRole, t.reasonCode);
    }
}
