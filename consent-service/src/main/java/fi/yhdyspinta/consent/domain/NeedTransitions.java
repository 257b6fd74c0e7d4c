package fi.yhdyspinta.consent.domain;

import java.util.Optional;

import fi.yhdyspinta.events.code.DenialReason;

/**
 * Where a need goes after a decision (pure, no I/O): the closed loop of DESIGN §2 and §4. Nothing
 * changes unless the decision changes the need's standing — no repeated announcements.
 *
 * <ul>
 * <li>On arrival: a permit grants; a denial the client can still turn by answering leaves the need
 * PENDING (the client is asked); any other denial (refusal, prohibition, unregistered party) denies.</li>
 * <li>Later (an answer, a prohibition, its revocation, a statutory permit): a permit grants a PENDING
 * or DENIED need; a DENIED need with nothing left against it but a missing answer waits again
 * (PENDING, the client is asked again); a refusal or prohibition denies a PENDING need.</li>
 * <li>A GRANTED need is withdrawn (DENIED) only by a new prohibition that now forbids it; a revoked
 * consent has its own announcement (consent-revoked).</li>
 * </ul>
 */
public final class NeedTransitions {

    /** What made the need be decided again. */
    public enum Trigger {
        /** need-identified: the first decision. */
        ARRIVAL,
        /** A consent or refusal recorded by the need's source organisation or by the client. */
        ANSWER,
        /** The client's new prohibition. */
        PROHIBITION,
        /** A prohibition revoked. */
        PROHIBITION_REVOKED,
        /** A permit asked for over REST for the need by its source organisation. */
        PERMIT_ASKED
    }

    private NeedTransitions() {
    }

    /** The need's new status, or empty when the decision leaves it where it is. */
    public static Optional<PendingNeedStatus> next(PendingNeedStatus current, Decision decision, Trigger trigger) {
        if (trigger == Trigger.ARRIVAL) {
            return Optional.of(decision.permits() ? PendingNeedStatus.GRANTED
                    : decision.awaitsTheClient() ? PendingNeedStatus.PENDING : PendingNeedStatus.DENIED);
        }
        if (decision.permits()) {
            return current == PendingNeedStatus.GRANTED ? Optional.empty() : Optional.of(PendingNeedStatus.GRANTED);
        }
        if (decision.awaitsTheClient()) {
            return current == PendingNeedStatus.DENIED ? Optional.of(PendingNeedStatus.PENDING) : Optional.empty();
        }
        return switch (current) {
            case PENDING -> Optional.of(PendingNeedStatus.DENIED);
            case DENIED -> Optional.empty();
            case GRANTED -> trigger == Trigger.PROHIBITION && decision.reason() == DenialReason.PROHIBITION
                    ? Optional.of(PendingNeedStatus.DENIED)
                    : Optional.empty();
        };
    }
}
