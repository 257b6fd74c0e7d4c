package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.ServiceDirectoryFindsWhereToRefer.NGO_LEAD;
import static fi.yhdyspinta.referral.ServiceDirectoryFindsWhereToRefer.offering;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Only a unit lead registers offerings, only of their own organisation, which must be active in the registry; only
 * the offering organisation's unit lead changes one, and a stale If-Match loses nothing (412). A waiting list names
 * its wait band, and only a waiting list does.
 */
@ReferralServiceTest
class OnlyTheOfferingOrganisationMaintainsItsOffering {

    static final TestUser SOCIAL_LEAD = new TestUser("sociallead", TestUsers.SOCIAL_SERVICES, "SOCIAL",
            Set.of("unit-lead"), null);
    static final TestUser CLOSED_CLINIC_LEAD = new TestUser("closedlead", TestUsers.CLOSED_CLINIC, "HEALTH",
            Set.of("unit-lead"), null);

    @Test
    void aProfessionalWhoIsNotAUnitLeadCannotRegister() {
        as(TestUsers.NURSE).body(offering("Ryhmä", "YES", null)).post("/services").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestUsers.NGO_WORKER).body(offering("Ryhmä", "YES", null)).post("/services").then().statusCode(403);
        as(TestUsers.CLIENT).body(offering("Ryhmä", "YES", null)).post("/services").then().statusCode(403);
    }

    @Test
    void anInactiveOrganisationCannotOfferAnything() {
        as(CLOSED_CLINIC_LEAD).body(offering("Vastaanotto", "YES", null)).post("/services").then().statusCode(403);
    }

    @Test
    void anotherOrganisationsUnitLeadCannotChangeIt() {
        String id = as(NGO_LEAD).body(offering("Ruoka-apu", "YES", null)).post("/services").then().statusCode(201)
                .extract().path("id");
        as(SOCIAL_LEAD).header("If-Match", "\"0\"").body(offering("Ruoka-apu (suljettu)", "NO", null))
                .put("/services/" + id).then().statusCode(403).contentType("application/problem+json");
        as(TestUsers.NGO_WORKER).body(offering("Ruoka-apu", "NO", null)).put("/services/" + id).then().statusCode(403);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = as(NGO_LEAD).body(offering("Velkaneuvonta", "YES", null)).post("/services").then().statusCode(201)
                .extract().path("id");
        as(NGO_LEAD).header("If-Match", "\"0\"").body(offering("Velkaneuvonta", "WAITLIST", "UNDER_2_WEEKS"))
                .put("/services/" + id).then().statusCode(200);
        as(NGO_LEAD).header("If-Match", "\"0\"").body(offering("Velkaneuvonta", "NO", null))
                .put("/services/" + id).then().statusCode(412).contentType("application/problem+json");
        as(TestUsers.NURSE).get("/services/" + id).then().statusCode(200)
                .body("capacity", org.hamcrest.Matchers.equalTo("WAITLIST"));
    }

    @Test
    void aWaitingListNamesItsWaitBandAndOnlyAWaitingListDoes() {
        as(NGO_LEAD).body(offering("Ryhmä", "WAITLIST", null)).post("/services").then().statusCode(400)
                .body("errors.field", hasItem("waitBand"));
        as(NGO_LEAD).body(offering("Ryhmä", "YES", "OVER_6_WEEKS")).post("/services").then().statusCode(400)
                .body("errors.field", hasItem("waitBand"));
        Map<String, Object> badLanguage = offering("Ryhmä", "YES", null);
        badLanguage.put("languages", java.util.List.of("fi", "de"));
        as(NGO_LEAD).body(badLanguage).post("/services").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> noName = offering(" ", "YES", null);
        as(NGO_LEAD).body(noName).post("/services").then().statusCode(400).body("errors.field", hasItem("name"));
    }
}
