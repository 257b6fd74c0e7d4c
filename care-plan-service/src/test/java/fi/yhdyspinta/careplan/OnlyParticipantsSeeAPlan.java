package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * A plan is the participating organisations' and the client's: another organisation gets 404 on every operation (it
 * does not learn the plan exists); the client sees their own plans in plain language, never another client's.
 */
@CarePlanServiceTest
class OnlyParticipantsSeeAPlan {

    @Test
    void anotherOrganisationGets404Everywhere() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as(TestUsers.HOSPITAL_NURSE).get("/plans/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestUsers.HOSPITAL_NURSE).get("/plans/" + id + "/versions").then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).get("/plans/" + id + "/responsible-worker/history").then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.CENTRAL_HOSPITAL), TestUsers.CENTRAL_HOSPITAL, "x"))
                .put("/plans/" + id).then().statusCode(404);
        Plans.handOver(TestUsers.HOSPITAL_NURSE, id, etag, "hospitalnurse", TestUsers.CENTRAL_HOSPITAL, "WORKLOAD")
                .statusCode(404);
        as(TestUsers.NURSE).get("/plans/" + java.util.UUID.randomUUID()).then().statusCode(404);
        as(TestUsers.SOCIAL_WORKER).get("/plans/" + id).then().statusCode(200);
    }

    @Test
    void theClientSeesOwnPlansInPlainLanguageAndNotAnothersClients() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        String id = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(201).extract().path("id");
        as(Plans.clientUser(hetu)).get("/me/plans").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].goals", contains("Pärjään kotona omin voimin"))
                .body("[0].steps[0].text", equalTo("Työntekijä käy luonani kaksi kertaa viikossa"))
                .body("[0].steps[0].organisation", equalTo(TestUsers.NGO))
                .body("[0].summary", equalTo("Suunnitelma tukee kotona asumista."))
                .body("[0].responsibleOrganisation", equalTo(TestUsers.SOCIAL_SERVICES));
        as(Plans.clientUser(newTestHetu())).get("/me/plans").then().statusCode(200).body("$", empty());
        as(TestUsers.SOCIAL_WORKER).get("/me/plans").then().statusCode(403);
    }
}
