package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.FORBIDDEN;
import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.statutoryDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.ValidatableResponse;

/**
 * DESIGN §2: a statutory basis only for the roles and sectors the law gives it to — SHL 35 § to
 * health and social professionals contacting social care, AsL 20 § to a social worker of social care
 * for social-register data, LSL 25 § to any professional notifying child welfare. Another claim is
 * refused (403 naming {@code statutoryBasis}), not decided on consent instead; nothing is logged.
 */
@ConsentServiceTest
class StatutoryBasisOnlyForEntitledRoles {

    private static final List<String> CONTACT = List.of("NEED_SUMMARY", "CONTACT_DETAILS");
    private static final List<String> SOCIAL_RECORDS = List.of("SOCIAL_RECORD");

    private static ValidatableResponse ask(TestUser user, Map<String, Object> body) {
        return as(user).body(body).post("/consent-decisions").then();
    }

    private static void refused(TestUser user, Map<String, Object> body) {
        ask(user, body).statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN))
                .body("errors.field", hasItem("statutoryBasis"));
    }

    private static void permitted(TestUser user, Map<String, Object> body, String basis) {
        ask(user, body).statusCode(201).body("outcome", equalTo("PERMIT_STATUTORY")).body("basis", equalTo(basis));
    }

    @Test
    void shl35IsForHealthAndSocialProfessionalsContactingSocialCare() {
        String hetu = newHetu();
        refused(TestUsers.NGO_WORKER,
                statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "CONTACT", CONTACT, "SHL_35_INCAPABLE"));
        refused(TestUsers.NURSE, statutoryDecision(hetu, TestUsers.NGO, "CONTACT", CONTACT, "SHL_35_INCAPABLE"));
        refused(TestUsers.NURSE,
                statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", CONTACT, "SHL_35_CHILD_INTEREST"));
        refused(TestUsers.NURSE, statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "CONTACT",
                List.of("NEED_SUMMARY", "HEALTH_RECORD"), "SHL_35_INCAPABLE"));
        assertThat(decisions(hetu)).isEmpty();

        permitted(TestUsers.HOSPITAL_NURSE,
                statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "CONTACT", CONTACT, "SHL_35_INCAPABLE"),
                "SHL_35_INCAPABLE");
        permitted(TestUsers.SOCIAL_WORKER,
                statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "CONTACT", CONTACT, "SHL_35_CHILD_INTEREST"),
                "SHL_35_CHILD_INTEREST");
    }

    @Test
    void asl20IsForASocialWorkerObtainingSocialRegisterDataForSocialCare() {
        String hetu = newHetu();
        refused(TestUsers.NURSE,
                statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "JOINT_ASSESSMENT", SOCIAL_RECORDS, "ASL_20"));
        refused(TestUsers.NGO_WORKER,
                statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "JOINT_ASSESSMENT", SOCIAL_RECORDS, "ASL_20"));
        refused(TestUsers.SOCIAL_WORKER,
                statutoryDecision(hetu, TestUsers.NGO, "JOINT_ASSESSMENT", SOCIAL_RECORDS, "ASL_20"));
        refused(TestUsers.SOCIAL_WORKER, statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "JOINT_ASSESSMENT",
                List.of("SOCIAL_RECORD", "HEALTH_RECORD"), "ASL_20"));
        assertThat(decisions(hetu)).isEmpty();

        permitted(TestUsers.SOCIAL_WORKER,
                statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "JOINT_ASSESSMENT", SOCIAL_RECORDS, "ASL_20"),
                "ASL_20");
    }

    @Test
    void lsl25IsForAnyProfessionalNotifyingChildWelfare() {
        String hetu = newHetu();
        refused(TestUsers.NURSE, statutoryDecision(hetu, TestUsers.NGO, "REFERRAL", CONTACT, "LSL_25"));
        refused(TestUsers.NGO_WORKER, statutoryDecision(hetu, TestUsers.HEALTH_CENTRE, "REFERRAL", CONTACT, "LSL_25"));
        assertThat(decisions(hetu)).isEmpty();

        permitted(TestUsers.NURSE, statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "REFERRAL", CONTACT, "LSL_25"),
                "LSL_25");
        permitted(TestUsers.NGO_WORKER, statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "REFERRAL", CONTACT,
                "LSL_25"), "LSL_25");
    }

    @Test
    void theSectorClaimOfTheTokenEntitlesNobody() {
        // a health centre's token that claims the social sector and the social-worker role
        TestUser claimsSocial = new TestUser("claims-social", TestUsers.HEALTH_CENTRE, "SOCIAL",
                Set.of("professional", "social-worker"), null);
        String hetu = newHetu();

        refused(claimsSocial,
                statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "JOINT_ASSESSMENT", SOCIAL_RECORDS, "ASL_20"));
        assertThat(decisions(hetu)).isEmpty();
    }

    @Test
    void aClaimWithoutJustificationIsInvalidWhoeverMakesIt() {
        Map<String, Object> body = statutoryDecision(newHetu(), TestUsers.CHILD_WELFARE, "REFERRAL", CONTACT,
                "LSL_25");
        body.remove("justification");
        ask(TestUsers.NURSE, body).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("justification"));
        ask(TestUsers.NGO_WORKER, body).statusCode(400).body("errors.field", hasItem("justification"));
    }
}
