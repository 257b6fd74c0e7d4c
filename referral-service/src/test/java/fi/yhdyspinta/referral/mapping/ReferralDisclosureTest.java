package fi.yhdyspinta.referral.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.referral.domain.ConsentStatus;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure.Access;
import fi.yhdyspinta.referral.rest.NeedView;
import fi.yhdyspinta.referral.rest.ReferralView;

/** The disclosure policy on its own: who sees what of a referral, by organisation, permit and state. */
class ReferralDisclosureTest {

    private static final String SENDER = "1.2.246.10.2345678.10.1";
    private static final String RECEIVER = "1.2.246.10.2345678.20.1";
    private static final String OTHER = "1.2.246.10.1234567.10.1";
    private static final String HETU = "010190-900P";
    private static final String CLIENT_ID = "a".repeat(64);

    private static Referral awaiting() {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.needId = UUID.randomUUID();
        r.clientId = CLIENT_ID;
        r.clientHetu = HETU;
        r.category = NeedCategory.MENTAL_HEALTH;
        r.urgency = Urgency.URGENT;
        r.senderOrganisation = SENDER;
        r.receiverOrganisation = RECEIVER;
        r.status = ReferralStatus.AWAITING_CONSENT;
        r.createdAt = OffsetDateTime.now();
        r.updatedAt = r.createdAt;
        return r;
    }

    private static Referral permitted(String categories) {
        Referral r = awaiting();
        r.status = ReferralStatus.SENT;
        r.consentStatus = ConsentStatus.GRANTED;
        r.consentDecisionId = UUID.randomUUID();
        r.legalBasis = "CONSENT";
        r.permittedDataCategories = categories;
        return r;
    }

    private static Need need(Referral r) {
        Need n = new Need();
        n.id = r.needId;
        n.referralId = r.id;
        n.clientId = r.clientId;
        n.clientHetu = r.clientHetu;
        n.category = r.category;
        n.urgency = r.urgency;
        n.sourceOrganisation = SENDER;
        n.sourceSector = Sector.HEALTH;
        n.targetOrganisation = RECEIVER;
        n.targetSector = Sector.SOCIAL;
        n.purpose = Purpose.REFERRAL;
        n.dataCategories = "NEED_SUMMARY,CONTACT_DETAILS";
        n.identifiedAt = r.createdAt;
        return n;
    }

    @Test
    void beforeAPermitTheReceiverHasNoAccessAndTheSenderAll() {
        Referral r = awaiting();
        assertThat(ReferralDisclosure.accessOf(r, RECEIVER)).isEqualTo(Access.NONE);
        assertThat(ReferralDisclosure.accessOf(r, SENDER)).isEqualTo(Access.SENDER);
        assertThat(ReferralDisclosure.accessOf(r, OTHER)).isEqualTo(Access.NONE);
        assertThat(ReferralDisclosure.accessOf(r, null)).isEqualTo(Access.NONE);
        assertThatThrownBy(() -> ReferralDisclosure.view(r, RECEIVER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDenialOrACancellationWithoutAPermitStillHidesIt() {
        Referral denied = awaiting();
        denied.consentStatus = ConsentStatus.DENIED;
        denied.consentDenialReason = DenialReason.REFUSED;
        assertThat(ReferralDisclosure.accessOf(denied, RECEIVER)).isEqualTo(Access.NONE);

        Referral cancelled = awaiting();
        cancelled.status = ReferralStatus.CANCELLED;
        assertThat(ReferralDisclosure.accessOf(cancelled, RECEIVER)).isEqualTo(Access.NONE);
    }

    @Test
    void theSenderSeesItsReferralWholeWithTheConsentStatus() {
        Referral r = awaiting();
        r.consentStatus = ConsentStatus.DENIED;
        r.consentDenialReason = DenialReason.PROHIBITION;
        ReferralView view = ReferralDisclosure.view(r, SENDER);
        assertThat(view.client()).isEqualTo(HETU);
        assertThat(view.category()).isEqualTo(NeedCategory.MENTAL_HEALTH);
        assertThat(view.consentStatus()).isEqualTo(ConsentStatus.DENIED);
        assertThat(view.consentDenialReason()).isEqualTo(DenialReason.PROHIBITION);
        assertThat(view.permittedDataCategories()).isNull();
        assertThat(view.redacted()).isEmpty();
    }

    @Test
    void needSummaryOnlyWithholdsTheHenkilotunnus() {
        ReferralView view = ReferralDisclosure.view(permitted("NEED_SUMMARY"), RECEIVER);
        assertThat(view.client()).isNull();
        assertThat(view.clientId()).isEqualTo(CLIENT_ID);
        assertThat(view.category()).isEqualTo(NeedCategory.MENTAL_HEALTH);
        assertThat(view.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(view.redacted()).containsExactly(DataCategory.CONTACT_DETAILS);
        assertThat(view.permittedDataCategories()).containsExactly(DataCategory.NEED_SUMMARY);
        assertThat(view.consentStatus()).as("consent status is the sender's").isNull();
        assertThat(view.consentDecisionId()).isNotNull();
    }

    @Test
    void contactDetailsOnlyWithholdsTheNeed() {
        ReferralView view = ReferralDisclosure.view(permitted("CONTACT_DETAILS"), RECEIVER);
        assertThat(view.client()).isEqualTo(HETU);
        assertThat(view.category()).isNull();
        assertThat(view.urgency()).isNull();
        assertThat(view.redacted()).containsExactly(DataCategory.NEED_SUMMARY);
    }

    @Test
    void bothCategoriesShowEverythingTheReferralCarries() {
        ReferralView view = ReferralDisclosure.view(permitted("CONTACT_DETAILS,NEED_SUMMARY,HEALTH_RECORD"), RECEIVER);
        assertThat(view.client()).isEqualTo(HETU);
        assertThat(view.category()).isNotNull();
        assertThat(view.redacted()).isEmpty();
    }

    @Test
    void aPermitForNoneOfTheCarriedCategoriesShowsIdsButNoClientData() {
        ReferralView view = ReferralDisclosure.view(permitted(""), RECEIVER);
        assertThat(view.client()).isNull();
        assertThat(view.category()).isNull();
        assertThat(view.redacted()).containsExactly(DataCategory.NEED_SUMMARY, DataCategory.CONTACT_DETAILS);
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = { "REVOKED", "DENIED" })
    void afterThePermitEndedOnlyIdsAndStatusRemain(ConsentStatus ended) {
        Referral r = permitted("NEED_SUMMARY,CONTACT_DETAILS");
        r.status = ReferralStatus.SUSPENDED;
        r.consentStatus = ended;
        r.consentDenialReason = ended == ConsentStatus.DENIED ? DenialReason.PROHIBITION : null;
        r.outcome = ReferralOutcome.SERVICE_PROVIDED;
        r.feedback = "vapaata tekstiä";
        r.declineReason = DeclineReason.NOT_IN_SCOPE;
        assertThat(ReferralDisclosure.accessOf(r, RECEIVER)).isEqualTo(Access.WITHDRAWN);

        ReferralView view = ReferralDisclosure.view(r, RECEIVER);
        assertThat(view.id()).isEqualTo(r.id);
        assertThat(view.needId()).isEqualTo(r.needId);
        assertThat(view.status()).isEqualTo(ReferralStatus.SUSPENDED);
        assertThat(view.senderOrganisation()).isEqualTo(SENDER);
        assertThat(view.receiverOrganisation()).isEqualTo(RECEIVER);
        assertThat(view.client()).isNull();
        assertThat(view.clientId()).isNull();
        assertThat(view.category()).isNull();
        assertThat(view.urgency()).isNull();
        assertThat(view.consentDecisionId()).isNull();
        assertThat(view.legalBasis()).isNull();
        assertThat(view.outcome()).isNull();
        assertThat(view.feedback()).isNull();
        assertThat(view.declineReason()).isNull();
        assertThat(view.createdAt()).isNull();
        assertThat(view.consentStatus()).isNull();
        assertThat(view.consentDenialReason()).isNull();
        assertThat(view.permittedDataCategories()).isNull();
        assertThat(view.redacted()).containsExactly(DataCategory.NEED_SUMMARY, DataCategory.CONTACT_DETAILS);
    }

    @Test
    void aSuspendedReferralLaterCancelledStaysIdsAndStatusOnly() {
        Referral r = permitted("NEED_SUMMARY,CONTACT_DETAILS");
        r.status = ReferralStatus.CANCELLED;
        r.consentStatus = ConsentStatus.REVOKED;
        assertThat(ReferralDisclosure.accessOf(r, RECEIVER)).isEqualTo(Access.WITHDRAWN);
    }

    @Test
    void theNeedFollowsItsReferral() {
        Referral r = permitted("CONTACT_DETAILS");
        NeedView receiver = ReferralDisclosure.view(need(r), r, RECEIVER);
        assertThat(receiver.client()).isEqualTo(HETU);
        assertThat(receiver.category()).isNull();
        assertThat(receiver.urgency()).isNull();
        assertThat(receiver.redacted()).containsExactly(DataCategory.NEED_SUMMARY);

        NeedView sender = ReferralDisclosure.view(need(r), r, SENDER);
        assertThat(sender.client()).isEqualTo(HETU);
        assertThat(sender.category()).isEqualTo(NeedCategory.MENTAL_HEALTH);
        assertThat(sender.redacted()).isEmpty();

        r.status = ReferralStatus.SUSPENDED;
        r.consentStatus = ConsentStatus.REVOKED;
        NeedView withdrawn = ReferralDisclosure.view(need(r), r, RECEIVER);
        assertThat(withdrawn.id()).isEqualTo(r.needId);
        assertThat(withdrawn.referralId()).isEqualTo(r.id);
        assertThat(withdrawn.client()).isNull();
        assertThat(withdrawn.clientId()).isNull();
        assertThat(withdrawn.dataCategories()).isNull();
        assertThat(withdrawn.identifiedAt()).isNull();

        assertThat(ReferralDisclosure.visibleTo(awaiting(), RECEIVER)).isFalse();
        assertThat(ReferralDisclosure.visibleTo(r, OTHER)).isFalse();
    }
}
