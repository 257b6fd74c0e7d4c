package fi.yhdyspinta.consent.domain;

import static fi.yhdyspinta.consent.domain.PendingNeedStatus.DENIED;
import static fi.yhdyspinta.consent.domain.PendingNeedStatus.GRANTED;
import static fi.yhdyspinta.consent.domain.PendingNeedStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.consent.domain.NeedTransitions.Trigger;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;

/** Where a need goes after a decision: the closed loop, one nested class per rule; plain JUnit. */
class NeedTransitionsTest {

    static final Decision PERMIT = new Decision(DecisionOutcome.PERMIT, LegalBasis.CONSENT, null, UUID.randomUUID(),
            null, "consent");
    static final Decision NO_CONSENT_YET = Decision.deny(DenialReason.NO_VALID_CONSENT, "nothing yet");
    static final Decision REVOKED = Decision.deny(DenialReason.REVOKED, "revoked");
    static final Decision REFUSED = Decision.deny(DenialReason.REFUSED, "refused");
    static final Decision PROHIBITED = Decision.deny(DenialReason.PROHIBITION, "prohibited");
    static final Decision UNREGISTERED = DisclosureRules.unregisteredParty();

    static Optional<PendingNeedStatus> next(PendingNeedStatus current, Decision decision, Trigger trigger) {
        return NeedTransitions.next(current, decision, trigger);
    }

    @Nested
    class OnArrivalTheNeedIsGrantedAskedForOrDenied {

        @Test
        void permitGrants() {
            assertThat(next(PENDING, PERMIT, Trigger.ARRIVAL)).contains(GRANTED);
        }

        @Test
        void withoutAnAnswerYetTheClientIsAsked() {
            assertThat(next(PENDING, NO_CONSENT_YET, Trigger.ARRIVAL)).contains(PENDING);
            assertThat(next(PENDING, REVOKED, Trigger.ARRIVAL)).contains(PENDING);
        }

        @Test
        void refusalProhibitionOrAnUnregisteredPartyDenies() {
            assertThat(next(PENDING, REFUSED, Trigger.ARRIVAL)).contains(DENIED);
            assertThat(next(PENDING, PROHIBITED, Trigger.ARRIVAL)).contains(DENIED);
            assertThat(next(PENDING, UNREGISTERED, Trigger.ARRIVAL)).contains(DENIED);
        }
    }

    @Nested
    class ALaterPermitGrantsAWaitingOrDeniedNeed {

        @Test
        void pendingAndDeniedNeedsAreGranted() {
            for (Trigger trigger : new Trigger[] { Trigger.ANSWER, Trigger.PROHIBITION_REVOKED, Trigger.PERMIT_ASKED }) {
                assertThat(next(PENDING, PERMIT, trigger)).contains(GRANTED);
                assertThat(next(DENIED, PERMIT, trigger)).contains(GRANTED);
            }
        }

        @Test
        void aGrantedNeedIsNotAnnouncedTwice() {
            assertThat(next(GRANTED, PERMIT, Trigger.ANSWER)).isEmpty();
            assertThat(next(GRANTED, PERMIT, Trigger.PERMIT_ASKED)).isEmpty();
        }
    }

    @Nested
    class ADeniedNeedWithNothingLeftAgainstItWaitsForTheClientAgain {

        @Test
        void afterTheProhibitionIsRevokedTheClientIsAsked() {
            assertThat(next(DENIED, NO_CONSENT_YET, Trigger.PROHIBITION_REVOKED)).contains(PENDING);
        }

        @Test
        void aPendingNeedStaysPendingSilently() {
            assertThat(next(PENDING, NO_CONSENT_YET, Trigger.ANSWER)).isEmpty();
        }

        @Test
        void anUnregisteredPartyKeepsItDenied() {
            assertThat(next(DENIED, UNREGISTERED, Trigger.ANSWER)).isEmpty();
            assertThat(next(PENDING, UNREGISTERED, Trigger.ANSWER)).contains(DENIED);
        }
    }

    @Nested
    class RefusalOrProhibitionDeniesAWaitingNeedOnce {

        @Test
        void pendingIsDenied() {
            assertThat(next(PENDING, REFUSED, Trigger.ANSWER)).contains(DENIED);
            assertThat(next(PENDING, PROHIBITED, Trigger.PROHIBITION)).contains(DENIED);
        }

        @Test
        void deniedStaysDeniedSilently() {
            assertThat(next(DENIED, REFUSED, Trigger.ANSWER)).isEmpty();
            assertThat(next(DENIED, PROHIBITED, Trigger.PROHIBITION_REVOKED)).isEmpty();
        }
    }

    @Nested
    class OnlyANewProhibitionWithdrawsAGrantedNeed {

        @Test
        void aProhibitionThatNowForbidsItWithdrawsIt() {
            assertThat(next(GRANTED, PROHIBITED, Trigger.PROHIBITION)).contains(DENIED);
        }

        @Test
        void nothingElseWithdrawsIt() {
            assertThat(next(GRANTED, REFUSED, Trigger.ANSWER)).isEmpty();
            assertThat(next(GRANTED, REVOKED, Trigger.PROHIBITION)).isEmpty();
            assertThat(next(GRANTED, UNREGISTERED, Trigger.PROHIBITION)).isEmpty();
        }
    }
}
