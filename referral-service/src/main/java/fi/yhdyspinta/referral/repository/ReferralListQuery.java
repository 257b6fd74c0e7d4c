package fi.yhdyspinta.referral.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;

/**
 * One page of an organisation's referrals: sent, or received with a permit; null filters match anything.
 * {@code overdue} true: unanswered (SENT, RECEIVED) past its deadline at {@code now}; false: anything else.
 * Keyset paging: {@code after} is the last item of the previous page, in {@code sort} order.
 */
public record ReferralListQuery(String organisation, boolean sent, ReferralStatus status, Urgency urgency,
        NeedCategory category, Boolean overdue, OffsetDateTime now, ReferralSort sort, Position after, int limit) {

    /** Where a page ends: the sort key of its last item and its id (the tie-breaker). */
    public record Position(OffsetDateTime key, UUID id) {
    }
}
