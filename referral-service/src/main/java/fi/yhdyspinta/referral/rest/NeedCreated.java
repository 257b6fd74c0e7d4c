package fi.yhdyspinta.referral.rest;

import java.util.UUID;

import fi.yhdyspinta.events.code.ReferralStatus;

/** The answer to {@code POST /needs}: the need, its referral, and the referral's status. */
public record NeedCreated(UUID id, UUID referralId, ReferralStatus status) {
}
