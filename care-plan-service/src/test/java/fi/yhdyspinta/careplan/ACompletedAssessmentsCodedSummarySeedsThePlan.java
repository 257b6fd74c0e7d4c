package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 10 point 4: the requesting organisation completes a joint assessment with a coded summary — the needs found
 * (NeedCategory) and the next steps agreed, codes only — and {@code POST /plans} with {@code fromJointAssessment}
 * takes the assessment's organisations in and starts with one goal per need. Completing without a summary still
 * works; a code outside the lists is 400 naming the field.
 */
@CarePlanServiceTest
class ACompletedAssessmentsCodedSummarySeedsThePlan {

    @Test
    void theNeedsOfTheSummaryBecomeThePlansFirstGoals() {
        String hetu = newTestHetu();
        String id = acknowledged(hetu);
        as(TestUsers.SOCIAL_WORKER)
                .body(Map.of("needs", List.of("HOUSING", "MENTAL_HEALTH"), "nextSteps", List.of("JOINT_CLIENT_PLAN")))
                .post("/joint-assessments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("summaryNeeds", contains("HOUSING", "MENTAL_HEALTH"))
                .body("nextSteps", contains("JOINT_CLIENT_PLAN"));

        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("client", hetu);
        plan.put("fromJointAssessment", id);
        String planId = as(TestUsers.SOCIAL_WORKER).body(plan).post("/plans").then().statusCode(201)
                .body("jointAssessmentId", equalTo(id))
                .body("goals.category", contains("HOUSING", "MENTAL_HEALTH"))
                .body("participants.organisation", hasItem(TestUsers.HEALTH_CENTRE))
                .extract().path("id");
        as(TestUsers.NURSE).get("/plans/" + planId).then().statusCode(200)
                .body("goals.category", contains("HOUSING", "MENTAL_HEALTH"));
    }

    @Test
    void completingWithoutASummaryStillWorksAndSeedsNoGoals() {
        String id = acknowledged(newTestHetu());
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("summaryNeeds", empty()).body("nextSteps", empty());
    }

    @Test
    void aCodeOutsideTheListsIs400() {
        String id = acknowledged(newTestHetu());
        as(TestUsers.SOCIAL_WORKER).body(Map.of("needs", List.of("Asiakas voi huonosti")))
                .post("/joint-assessments/" + id + "/complete").then().statusCode(400)
                .contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then().body("status", equalTo("ACKNOWLEDGED"));
    }

    private static String acknowledged(String hetu) {
        String id = socialWorkerInvitesHealthCentre(hetu).statusCode(201).extract().path("id");
        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja Testi").statusCode(200);
        return id;
    }
}
