package fi.yhdyspinta.consent.domain;

import static fi.yhdyspinta.events.code.DataCategory.CONTACT_DETAILS;
import static fi.yhdyspinta.events.code.DataCategory.HEALTH_RECORD;
import static fi.yhdyspinta.events.code.DataCategory.NEED_SUMMARY;
import static fi.yhdyspinta.events.code.DataCategory.SOCIAL_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;

/** Who may claim which statutory basis (DESIGN §2): one nested class per rule; plain JUnit. */
class StatutoryEntitlementTest {

    static final String CLIENT = "a".repeat(64);
    static final String DISCLOSER = "1.2.246.10.2345678.10.1";
    static final String RECIPIENT = "1.2.246.10.2345678.20.2";

    static final Set<String> NURSE = Set.of("professional", "health-professional");
    static final Set<String> SOCIAL_WORKER = Set.of("professional", "social-worker");
    static final Set<String> NGO_WORKER = Set.of("ngo-worker");
    static final Set<String> UNIT_LEAD = Set.of("unit-lead");
    static final Set<String> CLIENT_ROLE = Set.of("client");
    static final Set<String> ADMIN = Set.of("admin");

    static DisclosureRequest claim(LegalBasis basis, Sector discloser, Sector recipient, Purpose purpose,
            DataCategory... data) {
        return new DisclosureRequest(CLIENT, DISCLOSER, discloser, RECIPIENT, recipient, purpose,
                EnumSet.copyOf(Set.of(data)), basis, "perustelu");
    }

    static void assertEntitled(DisclosureRequest request, Set<String> roles) {
        assertThat(StatutoryEntitlement.refusal(request, roles)).as("refusal").isEmpty();
    }

    static void assertRefused(DisclosureRequest request, Set<String> roles, String because) {
        assertThat(StatutoryEntitlement.refusal(request, roles)).get().asString().contains(because);
    }

    @Test
    void noClaimedBasisNeedsNoEntitlement() {
        DisclosureRequest onConsent = DisclosureRequest.onConsent(CLIENT, DISCLOSER, Sector.NGO, RECIPIENT, Sector.NGO,
                Purpose.REFERRAL, Set.of(HEALTH_RECORD));

        assertEntitled(onConsent, NGO_WORKER);
    }

    @Nested
    class Shl35IsForHealthAndSocialProfessionalsContactingSocialCare {

        @Test
        void aNurseOrASocialWorkerMayContactSocialCare() {
            for (LegalBasis basis : Set.of(LegalBasis.SHL_35_INCAPABLE, LegalBasis.SHL_35_CHILD_INTEREST)) {
                assertEntitled(claim(basis, Sector.HEALTH, Sector.SOCIAL, Purpose.CONTACT, NEED_SUMMARY,
                        CONTACT_DETAILS), NURSE);
                assertEntitled(claim(basis, Sector.SOCIAL, Sector.SOCIAL, Purpose.CONTACT, CONTACT_DETAILS),
                        SOCIAL_WORKER);
            }
        }

        @Test
        void anNgoOrAMunicipalOrganisationMayNot() {
            assertRefused(claim(LegalBasis.SHL_35_INCAPABLE, Sector.NGO, Sector.SOCIAL, Purpose.CONTACT,
                    NEED_SUMMARY), NGO_WORKER, "SHL 35");
            assertRefused(claim(LegalBasis.SHL_35_INCAPABLE, Sector.MUNICIPALITY, Sector.SOCIAL, Purpose.CONTACT,
                    NEED_SUMMARY), NURSE, "health-care or social-care organisation");
        }

        @Test
        void someoneWhoIsNoProfessionalMayNot() {
            assertRefused(claim(LegalBasis.SHL_35_INCAPABLE, Sector.HEALTH, Sector.SOCIAL, Purpose.CONTACT,
                    NEED_SUMMARY), ADMIN, "professional");
        }

        @Test
        void theRecipientIsSocialCare() {
            assertRefused(claim(LegalBasis.SHL_35_INCAPABLE, Sector.HEALTH, Sector.NGO, Purpose.CONTACT,
                    NEED_SUMMARY), NURSE, "SOCIAL recipient");
        }

        @Test
        void thePurposeIsContactAndTheDataAContactsOnly() {
            assertRefused(claim(LegalBasis.SHL_35_CHILD_INTEREST, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL,
                    NEED_SUMMARY), NURSE, "CONTACT");
            assertRefused(claim(LegalBasis.SHL_35_CHILD_INTEREST, Sector.HEALTH, Sector.SOCIAL, Purpose.CONTACT,
                    NEED_SUMMARY, HEALTH_RECORD), NURSE, "no more data");
        }
    }

    @Nested
    class Asl20IsForASocialWorkerObtainingSocialRegisterData {

        @Test
        void aSocialWorkerOfSocialCareMayForSocialRecordsToSocialCare() {
            assertEntitled(claim(LegalBasis.ASL_20, Sector.SOCIAL, Sector.SOCIAL, Purpose.JOINT_ASSESSMENT,
                    SOCIAL_RECORD), SOCIAL_WORKER);
        }

        @Test
        void aHealthProfessionalOrAnNgoWorkerMayNot() {
            assertRefused(claim(LegalBasis.ASL_20, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL, SOCIAL_RECORD),
                    NURSE, "AsL 20");
            assertRefused(claim(LegalBasis.ASL_20, Sector.NGO, Sector.SOCIAL, Purpose.REFERRAL, SOCIAL_RECORD),
                    NGO_WORKER, "AsL 20");
        }

        @Test
        void aSocialWorkersRoleInAnotherSectorsOrganisationIsNotEnough() {
            assertRefused(claim(LegalBasis.ASL_20, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL, SOCIAL_RECORD),
                    SOCIAL_WORKER, "social-care organisation");
        }

        @Test
        void anotherProfessionalOfSocialCareIsNotASocialWorker() {
            assertRefused(claim(LegalBasis.ASL_20, Sector.SOCIAL, Sector.SOCIAL, Purpose.REFERRAL, SOCIAL_RECORD),
                    UNIT_LEAD, "social worker");
        }

        @Test
        void itReachesSocialRegisterDataForSocialCareOnly() {
            assertRefused(claim(LegalBasis.ASL_20, Sector.SOCIAL, Sector.SOCIAL, Purpose.REFERRAL, SOCIAL_RECORD,
                    HEALTH_RECORD), SOCIAL_WORKER, "SOCIAL_RECORD");
            assertRefused(claim(LegalBasis.ASL_20, Sector.SOCIAL, Sector.NGO, Purpose.REFERRAL, SOCIAL_RECORD),
                    SOCIAL_WORKER, "SOCIAL recipient");
        }
    }

    @Nested
    class Lsl25IsForAnyProfessionalNotifyingChildWelfare {

        @Test
        void healthSocialNgoAndMunicipalProfessionalsMayNotify() {
            assertEntitled(claim(LegalBasis.LSL_25, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL, NEED_SUMMARY),
                    NURSE);
            assertEntitled(claim(LegalBasis.LSL_25, Sector.SOCIAL, Sector.SOCIAL, Purpose.CONTACT, NEED_SUMMARY),
                    SOCIAL_WORKER);
            assertEntitled(claim(LegalBasis.LSL_25, Sector.NGO, Sector.SOCIAL, Purpose.REFERRAL, NEED_SUMMARY),
                    NGO_WORKER);
            assertEntitled(claim(LegalBasis.LSL_25, Sector.MUNICIPALITY, Sector.SOCIAL, Purpose.REFERRAL,
                    NEED_SUMMARY), UNIT_LEAD);
        }

        @Test
        void theRecipientIsChildWelfare() {
            assertRefused(claim(LegalBasis.LSL_25, Sector.HEALTH, Sector.NGO, Purpose.REFERRAL, NEED_SUMMARY), NURSE,
                    "child welfare");
        }

        @Test
        void onlyAProfessionalNotifies() {
            assertRefused(claim(LegalBasis.LSL_25, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL, NEED_SUMMARY),
                    CLIENT_ROLE, "professional");
        }
    }

    @Test
    void consentIsNoStatutoryBasis() {
        assertRefused(claim(LegalBasis.CONSENT, Sector.HEALTH, Sector.SOCIAL, Purpose.REFERRAL, NEED_SUMMARY), NURSE,
                "not a statutory basis");
    }
}
