package fi.yhdyspinta.consent.domain;

import static fi.yhdyspinta.events.code.DataCategory.CONTACT_DETAILS;
import static fi.yhdyspinta.events.code.DataCategory.HEALTH_RECORD;
import static fi.yhdyspinta.events.code.DataCategory.NEED_SUMMARY;
import static fi.yhdyspinta.events.code.DataCategory.SOCIAL_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;

/** The rules of DESIGN §2, one nested class per rule; plain JUnit, no application. */
class DisclosureRulesTest {

    static final String CLIENT = "a".repeat(64);
    static final String OTHER_CLIENT = "b".repeat(64);
    static final String HEALTH_CENTRE = "1.2.246.10.2345678.10.1";
    static final String SOCIAL_SERVICES = "1.2.246.10.2345678.20.1";
    static final String NGO = "1.2.246.10.8765432.1";
    static final String CENTRAL_HOSPITAL = "1.2.246.10.1234567.10.1";
    /** 2026-06-15 12:00 in Helsinki. */
    static final Instant NOW = OffsetDateTime.of(2026, 6, 15, 12, 0, 0, 0, ZoneOffset.ofHours(3)).toInstant();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    final List<Consent> consents = new ArrayList<>();
    final List<Prohibition> prohibitions = new ArrayList<>();

    /** The nurse of the health centre asks to send a need summary and contact details to social services. */
    static DisclosureRequest referralToSocialServices(DataCategory... data) {
        return DisclosureRequest.onConsent(CLIENT, HEALTH_CENTRE, Sector.HEALTH, SOCIAL_SERVICES, Sector.SOCIAL,
                Purpose.REFERRAL, data.length == 0 ? Set.of(NEED_SUMMARY, CONTACT_DETAILS) : Set.of(data));
    }

    static DisclosureRequest statutory(DisclosureRequest r, LegalBasis basis, String justification) {
        return new DisclosureRequest(r.clientId(), r.requestingOrganisation(), r.requestingSector(),
                r.recipientOrganisation(), r.recipientSector(), r.purpose(), r.dataCategories(), basis, justification);
    }

    static DisclosureRequest withPurpose(DisclosureRequest r, Purpose purpose) {
        return new DisclosureRequest(r.clientId(), r.requestingOrganisation(), r.requestingSector(),
                r.recipientOrganisation(), r.recipientSector(), purpose, r.dataCategories(), r.statutoryBasis(),
                r.justification());
    }

    Consent consent(ConsentStatus status, String recipient, Purpose purpose, LocalDate validUntil,
            OffsetDateTime recordedAt, DataCategory... data) {
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.clientId = CLIENT;
        c.purpose = purpose;
        c.recipients = Codes.join(List.of(recipient));
        c.dataCategories = Codes.join(List.of(data));
        c.validUntil = validUntil;
        c.form = ConsentForm.ORAL;
        c.status = status;
        c.recordedAt = recordedAt;
        c.recordedBy = "nurse";
        c.recordedByOrganisation = HEALTH_CENTRE;
        consents.add(c);
        return c;
    }

    Consent validConsentToSocialServices() {
        return consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(6),
                daysAgo(10), NEED_SUMMARY, CONTACT_DETAILS);
    }

    Prohibition prohibition(Register register, String recipient) {
        Prohibition p = new Prohibition();
        p.id = UUID.randomUUID();
        p.clientId = CLIENT;
        p.register = register;
        p.recipientOrganisation = recipient;
        p.status = ProhibitionStatus.ACTIVE;
        p.recordedAt = daysAgo(1);
        p.recordedBy = "client";
        prohibitions.add(p);
        return p;
    }

    static OffsetDateTime daysAgo(int days) {
        return NOW.atOffset(ZoneOffset.UTC).minusDays(days);
    }

    Decision decide(DisclosureRequest request) {
        return DisclosureRules.decide(request, consents, prohibitions, NOW);
    }

    static void assertDenied(Decision decision, DenialReason reason) {
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.DENY);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.basis()).isNull();
        assertThat(decision.consentId()).isNull();
    }

    @Nested
    class ValidConsentCoveringRecipientPurposeAndDataPermits {

        @Test
        void permitsOnConsentNamingTheConsent() {
            Consent consent = validConsentToSocialServices();

            Decision decision = decide(referralToSocialServices());

            assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PERMIT);
            assertThat(decision.basis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(decision.consentId()).isEqualTo(consent.id);
            assertThat(decision.validUntil()).isEqualTo(consent.validUntil);
            assertThat(decision.reason()).isNull();
        }

        @Test
        void consentIsValidThroughItsLastDay() {
            consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY, daysAgo(3), NEED_SUMMARY,
                    CONTACT_DETAILS);

            assertThat(decide(referralToSocialServices()).outcome()).isEqualTo(DecisionOutcome.PERMIT);
        }

        @Test
        void dataBeyondTheConsentIsNotCovered() {
            validConsentToSocialServices();

            assertDenied(decide(referralToSocialServices(NEED_SUMMARY, SOCIAL_RECORD)), DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class ConsentForAnotherRecipientDoesNotCover {

        @Test
        void consentToTheNgoDoesNotCoverSocialServices() {
            consent(ConsentStatus.ACTIVE, NGO, Purpose.REFERRAL, TODAY.plusMonths(6), daysAgo(1), NEED_SUMMARY,
                    CONTACT_DETAILS);

            assertDenied(decide(referralToSocialServices()), DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void consentForAnotherPurposeDoesNotCover() {
            validConsentToSocialServices();

            assertDenied(decide(withPurpose(referralToSocialServices(), Purpose.JOINT_CLIENT_PLAN)),
                    DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void anotherClientsConsentDoesNotCover() {
            validConsentToSocialServices().clientId = OTHER_CLIENT;

            assertDenied(decide(referralToSocialServices()), DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class AnAnswerCountsForTheDiscloserThatRecordedItOrWhenTheClientGaveIt {

        @Test
        void anotherOrganisationsRecordOfAConsentReleasesNothing() {
            validConsentToSocialServices().recordedByOrganisation = CENTRAL_HOSPITAL;

            assertDenied(decide(referralToSocialServices()), DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void theClientsOwnConsentSpeaksForEveryDiscloser() {
            Consent own = validConsentToSocialServices();
            own.recordedByOrganisation = null;
            own.recordedBy = Consent.BY_CLIENT;

            assertThat(decide(referralToSocialServices()).consentId()).isEqualTo(own.id);
        }

        @Test
        void anotherOrganisationsRecordOfARefusalDoesNotOverrideTheDisclosersConsent() {
            Consent consent = validConsentToSocialServices();
            consent(ConsentStatus.REFUSED, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(0),
                    NEED_SUMMARY).recordedByOrganisation = CENTRAL_HOSPITAL;

            assertThat(decide(referralToSocialServices()).consentId()).isEqualTo(consent.id);
        }

        @Test
        void theClientsOwnRefusalDeniesWhoeverAsks() {
            validConsentToSocialServices();
            consent(ConsentStatus.REFUSED, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(0),
                    NEED_SUMMARY).recordedByOrganisation = null;

            assertDenied(decide(referralToSocialServices()), DenialReason.REFUSED);
        }
    }

    @Nested
    class ExpiredConsentDoesNotCover {

        @Test
        void consentThatEndedYesterdayDenies() {
            consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.minusDays(1), daysAgo(30),
                    NEED_SUMMARY, CONTACT_DETAILS);

            assertDenied(decide(referralToSocialServices()), DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class RevokedConsentDoesNotCover {

        @Test
        void revokedConsentDeniesWithReasonRevoked() {
            validConsentToSocialServices().status = ConsentStatus.REVOKED;

            assertDenied(decide(referralToSocialServices()), DenialReason.REVOKED);
        }

        @Test
        void aNewerConsentAfterRevocationPermitsAgain() {
            validConsentToSocialServices().status = ConsentStatus.REVOKED;
            Consent renewed = consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusDays(30),
                    daysAgo(0), NEED_SUMMARY, CONTACT_DETAILS);

            assertThat(decide(referralToSocialServices()).consentId()).isEqualTo(renewed.id);
        }
    }

    @Nested
    class RefusalDenies {

        @Test
        void refusalWithoutConsentDeniesWithReasonRefused() {
            consent(ConsentStatus.REFUSED, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(1),
                    NEED_SUMMARY);

            assertDenied(decide(referralToSocialServices()), DenialReason.REFUSED);
        }

        @Test
        void theClientsLatestAnswerDecides() {
            validConsentToSocialServices();
            consent(ConsentStatus.REFUSED, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(2),
                    NEED_SUMMARY);

            assertDenied(decide(referralToSocialServices()), DenialReason.REFUSED);

            consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(0),
                    NEED_SUMMARY, CONTACT_DETAILS);

            assertThat(decide(referralToSocialServices()).outcome()).isEqualTo(DecisionOutcome.PERMIT);
        }
    }

    @Nested
    class ProhibitionOverridesConsentForHealthRegisterData {

        @Test
        void healthProhibitionDeniesDespiteValidConsent() {
            validConsentToSocialServices();
            prohibition(Register.HEALTH, null);

            assertDenied(decide(referralToSocialServices()), DenialReason.PROHIBITION);
        }

        @Test
        void healthProhibitionDeniesEvenAStatutoryBasis() {
            prohibition(Register.HEALTH, null);
            DisclosureRequest contact = statutory(withPurpose(referralToSocialServices(), Purpose.CONTACT),
                    LegalBasis.SHL_35_INCAPABLE, "ei kykene huolehtimaan itsestään");

            assertDenied(decide(contact), DenialReason.PROHIBITION);
        }

        @Test
        void healthProhibitionReachesHealthRecordsWhoeverAsks() {
            consent(ConsentStatus.ACTIVE, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusMonths(1), daysAgo(1),
                    HEALTH_RECORD);
            prohibition(Register.HEALTH, null);
            DisclosureRequest bySocialCare = DisclosureRequest.onConsent(CLIENT, SOCIAL_SERVICES, Sector.SOCIAL,
                    SOCIAL_SERVICES, Sector.SOCIAL, Purpose.REFERRAL, Set.of(HEALTH_RECORD));

            assertDenied(decide(bySocialCare), DenialReason.PROHIBITION);
        }

        @Test
        void prohibitionNamingAnotherRecipientDoesNotReach() {
            validConsentToSocialServices();
            prohibition(Register.HEALTH, NGO);

            assertThat(decide(referralToSocialServices()).outcome()).isEqualTo(DecisionOutcome.PERMIT);
        }

        @Test
        void revokedProhibitionDoesNotReach() {
            validConsentToSocialServices();
            prohibition(Register.HEALTH, null).status = ProhibitionStatus.REVOKED;

            assertThat(decide(referralToSocialServices()).outcome()).isEqualTo(DecisionOutcome.PERMIT);
        }
    }

    @Nested
    class SocialCareAuthorityMayObtainSocialDataDespiteProhibition {

        final DisclosureRequest socialRecords = DisclosureRequest.onConsent(CLIENT, SOCIAL_SERVICES, Sector.SOCIAL,
                SOCIAL_SERVICES, Sector.SOCIAL, Purpose.JOINT_ASSESSMENT, Set.of(SOCIAL_RECORD));

        @Test
        void asl20PermitsSocialRecordsDespiteSocialProhibition() {
            prohibition(Register.SOCIAL, null);

            Decision decision = decide(statutory(socialRecords, LegalBasis.ASL_20, "palvelutarpeen arviointi"));

            assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PERMIT_STATUTORY);
            assertThat(decision.basis()).isEqualTo(LegalBasis.ASL_20);
            assertThat(decision.consentId()).isNull();
        }

        @Test
        void withoutTheBasisTheSocialProhibitionDenies() {
            prohibition(Register.SOCIAL, null);

            assertDenied(decide(socialRecords), DenialReason.PROHIBITION);
        }

        @Test
        void asl20DoesNotReachHealthRecords() {
            DisclosureRequest healthRecords = DisclosureRequest.onConsent(CLIENT, SOCIAL_SERVICES, Sector.SOCIAL,
                    SOCIAL_SERVICES, Sector.SOCIAL, Purpose.JOINT_ASSESSMENT, Set.of(HEALTH_RECORD, SOCIAL_RECORD));

            assertDenied(decide(statutory(healthRecords, LegalBasis.ASL_20, "arviointi")),
                    DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void asl20IsNoBasisForANonSocialRecipient() {
            DisclosureRequest toNgo = DisclosureRequest.onConsent(CLIENT, SOCIAL_SERVICES, Sector.SOCIAL, NGO,
                    Sector.NGO, Purpose.REFERRAL, Set.of(SOCIAL_RECORD));

            assertDenied(decide(statutory(toNgo, LegalBasis.ASL_20, "tarvitsemme")), DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void asl20IsForSocialCareAuthoritiesOnly() {
            DisclosureRequest byNgo = DisclosureRequest.onConsent(CLIENT, NGO, Sector.NGO, NGO, Sector.NGO,
                    Purpose.REFERRAL, Set.of(SOCIAL_RECORD));

            assertDenied(decide(statutory(byNgo, LegalBasis.ASL_20, "tarvitsemme")), DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class Shl35PermitsContactOnlyWithJustification {

        final DisclosureRequest contact = withPurpose(referralToSocialServices(), Purpose.CONTACT);

        @Test
        void justifiedContactIsPermittedOnTheStatutoryBasis() {
            for (LegalBasis basis : List.of(LegalBasis.SHL_35_INCAPABLE, LegalBasis.SHL_35_CHILD_INTEREST)) {
                Decision decision = decide(statutory(contact, basis, "ilmeisen kykenemätön huolehtimaan itsestään"));

                assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PERMIT_STATUTORY);
                assertThat(decision.basis()).isEqualTo(basis);
            }
        }

        @Test
        void withoutJustificationItDenies() {
            assertDenied(decide(statutory(contact, LegalBasis.SHL_35_INCAPABLE, null)), DenialReason.NO_VALID_CONSENT);
            assertDenied(decide(statutory(contact, LegalBasis.SHL_35_INCAPABLE, "  ")), DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void itPermitsNoPurposeButContact() {
            assertDenied(decide(statutory(referralToSocialServices(), LegalBasis.SHL_35_INCAPABLE, "syy")),
                    DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void aContactCarriesNoRecords() {
            DisclosureRequest withRecords = withPurpose(referralToSocialServices(NEED_SUMMARY, HEALTH_RECORD),
                    Purpose.CONTACT);

            assertDenied(decide(statutory(withRecords, LegalBasis.SHL_35_INCAPABLE, "syy")),
                    DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class Lsl25PermitsDisclosureToChildWelfare {

        @Test
        void justifiedNotificationToSocialCareIsPermitted() {
            Decision decision = decide(statutory(referralToSocialServices(), LegalBasis.LSL_25, "lapsen etu"));

            assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PERMIT_STATUTORY);
            assertThat(decision.basis()).isEqualTo(LegalBasis.LSL_25);
        }

        @Test
        void itOverridesARefusalAndASocialRegisterProhibition() {
            consent(ConsentStatus.REFUSED, SOCIAL_SERVICES, Purpose.REFERRAL, TODAY.plusDays(1), daysAgo(1),
                    NEED_SUMMARY);
            prohibition(Register.SOCIAL, null);
            DisclosureRequest bySocialCare = DisclosureRequest.onConsent(CLIENT, "1.2.246.10.2345678.20.2",
                    Sector.SOCIAL, SOCIAL_SERVICES, Sector.SOCIAL, Purpose.REFERRAL, Set.of(NEED_SUMMARY));

            assertThat(decide(statutory(bySocialCare, LegalBasis.LSL_25, "lastensuojeluilmoitus")).outcome())
                    .isEqualTo(DecisionOutcome.PERMIT_STATUTORY);
        }

        @Test
        void itIsNoBasisForDisclosureOutsideChildWelfare() {
            DisclosureRequest toNgo = DisclosureRequest.onConsent(CLIENT, HEALTH_CENTRE, Sector.HEALTH, NGO,
                    Sector.NGO, Purpose.REFERRAL, Set.of(NEED_SUMMARY));

            assertDenied(decide(statutory(toNgo, LegalBasis.LSL_25, "lapsen etu")), DenialReason.NO_VALID_CONSENT);
        }
    }

    @Nested
    class AnUnregisteredPartyFailsClosed {

        @Test
        void itDeniesAndIsNotAQuestionForTheClient() {
            Decision decision = DisclosureRules.unregisteredParty();

            assertDenied(decision, DenialReason.NO_VALID_CONSENT);
            assertThat(decision.awaitsTheClient()).isFalse();
            assertThat(decide(referralToSocialServices()).awaitsTheClient()).isTrue();
        }
    }

    @Nested
    class NothingToRestOnDenies {

        @Test
        void noConsentNoBasisDenies() {
            assertDenied(decide(referralToSocialServices()), DenialReason.NO_VALID_CONSENT);
        }

        @Test
        void consentAsAClaimedStatutoryBasisAddsNothing() {
            assertDenied(decide(statutory(referralToSocialServices(), LegalBasis.CONSENT, "kysyin")),
                    DenialReason.NO_VALID_CONSENT);
        }
    }
}
