package fi.yhdyspinta.referral.domain;

import static fi.yhdyspinta.events.code.ReferralStatus.ACCEPTED;
import static fi.yhdyspinta.events.code.ReferralStatus.AWAITING_CONSENT;
import static fi.yhdyspinta.events.code.ReferralStatus.CANCELLED;
import static fi.yhdyspinta.events.code.ReferralStatus.COMPLETED;
import static fi.yhdyspinta.events.code.ReferralStatus.DECLINED;
import static fi.yhdyspinta.events.code.ReferralStatus.EXPIRED;
import static fi.yhdyspinta.events.code.ReferralStatus.FORWARDED;
import static fi.yhdyspinta.events.code.ReferralStatus.IN_PROGRESS;
import static fi.yhdyspinta.events.code.ReferralStatus.RECEIVED;
import static fi.yhdyspinta.events.code.ReferralStatus.SENT;
import static fi.yhdyspinta.events.code.ReferralStatus.SUSPENDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import fi.yhdyspinta.events.code.ReferralStatus;

/** The referral state machine of DESIGN §4: which status may follow which. */
public final class ReferralLifecycle {

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(AWAITING_CONSENT, EnumSet.of(SENT, CANCELLED, EXPIRED));
        NEXT.put(SENT, EnumSet.of(RECEIVED, ACCEPTED, DECLINED, FORWARDED, CANCELLED, SUSPENDED, EXPIRED));
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, DECLINED, FORWARDED, CANCELLED, SUSPENDED, EXPIRED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, COMPLETED, FORWARDED, CANCELLED, SUSPENDED));
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED, SUSPENDED));
        NEXT.put(SUSPENDED, EnumSet.of(CANCELLED));
        for (ReferralStatus terminal : EnumSet.of(DECLINED, FORWARDED, COMPLETED, CANCELLED, EXPIRED)) {
            NEXT.put(terminal, EnumSet.noneOf(ReferralStatus.class));
        }
    }

    private ReferralLifecycle() {
    }

    public static Set<ReferralStatus> allowedAfter(ReferralStatus current) {
        return Set.copyOf(NEXT.get(current));
    }

    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Unanswered by the receiver: the deadline runs (overdue, then EXPIRED after the grace). */
    public static boolean isUnanswered(ReferralStatus status) {
        return status == SENT || status == RECEIVED;
    }

    /** The receiver may forward a referral it has not yet finished with (siirto, not pompottelu). */
    public static boolean mayForward(ReferralStatus status) {
        return status == SENT || status == RECEIVED || status == ACCEPTED;
    }

    /** The sender may send an expired or declined referral on to another organisation (re-route). */
    public static boolean mayReroute(ReferralStatus status) {
        return status == EXPIRED || status == DECLINED;
    }

    /** Open referrals still rest on their consent decision: a revocation suspends them. */
    public static boolean isOpen(ReferralStatus status) {
        return EnumSet.of(SENT, RECEIVED, ACCEPTED, IN_PROGRESS).contains(status);
    }
}
