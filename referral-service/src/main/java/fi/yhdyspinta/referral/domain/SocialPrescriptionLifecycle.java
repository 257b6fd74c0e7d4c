package fi.yhdyspinta.referral.domain;

import static fi.yhdyspinta.events.code.SocialPrescriptionStatus.ATTENDED;
import static fi.yhdyspinta.events.code.SocialPrescriptionStatus.DECLINED;
import static fi.yhdyspinta.events.code.SocialPrescriptionStatus.DID_NOT_ATTEND;
import static fi.yhdyspinta.events.code.SocialPrescriptionStatus.PRESCRIBED;
import static fi.yhdyspinta.events.code.SocialPrescriptionStatus.STARTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.SocialPrescriptionStatus;

/**
 * The NGO's steps of a social prescription: it confirms the client's start, then the attendance. The referral
 * follows: start = ACCEPTED and IN_PROGRESS; an attendance = COMPLETED with the matching outcome.
 */
public final class SocialPrescriptionLifecycle {

    private static final Map<SocialPrescriptionStatus, Set<SocialPrescriptionStatus>> NEXT =
            new EnumMap<>(SocialPrescriptionStatus.class);

    static {
        NEXT.put(PRESCRIBED, EnumSet.of(STARTED));
        NEXT.put(STARTED, EnumSet.of(ATTENDED, DID_NOT_ATTEND, DECLINED));
        for (SocialPrescriptionStatus end : EnumSet.of(ATTENDED, DID_NOT_ATTEND, DECLINED)) {
            NEXT.put(end, EnumSet.noneOf(SocialPrescriptionStatus.class));
        }
    }

    private SocialPrescriptionLifecycle() {
    }

    public static Set<SocialPrescriptionStatus> allowedAfter(SocialPrescriptionStatus current) {
        return Set.copyOf(NEXT.get(current));
    }

    public static boolean allows(SocialPrescriptionStatus from, SocialPrescriptionStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The attendance values the NGO may report after the start. */
    public static boolean isAttendance(SocialPrescriptionStatus status) {
        return EnumSet.of(ATTENDED, DID_NOT_ATTEND, DECLINED).contains(status);
    }

    /** The referral outcome an attendance completes the referral with (closed loop to the prescriber). */
    public static ReferralOutcome outcomeOf(SocialPrescriptionStatus attendance) {
        return switch (attendance) {
            case ATTENDED -> ReferralOutcome.SERVICE_PROVIDED;
            case DID_NOT_ATTEND -> ReferralOutcome.CLIENT_UNREACHABLE;
            case DECLINED -> ReferralOutcome.CLIENT_DECLINED;
            default -> throw new IllegalArgumentException(attendance + " is no attendance");
        };
    }
}
