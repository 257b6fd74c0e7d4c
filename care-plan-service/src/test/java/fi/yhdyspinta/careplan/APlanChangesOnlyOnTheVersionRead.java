package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** No lost updates: a new plan version is approved only on the version read (If-Match = the ETag). */
@CarePlanServiceTest
class APlanChangesOnlyOnTheVersionRead {

    @Test
    void theVersionReadMakesTheNextVersionAStaleOneIs412AndNoneIs428() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.HEALTH_CENTRE),
                TestUsers.HEALTH_CENTRE)).statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as(TestUsers.NURSE).get("/plans/" + id).then().statusCode(200).header("ETag", equalTo(etag));

        // the health centre approves version 2 on the version it read
        String etag2 = as(TestUsers.NURSE).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE),
                        TestUsers.HEALTH_CENTRE, "Päihteettömyys"))
                .put("/plans/" + id).then()
                .statusCode(200)
                .body("planVersion", equalTo(2))
                .body("goals[0].description", equalTo("Päihteettömyys"))
                .extract().header("ETag");

        // the social worker still holds the first version: 412, nothing changes
        as(TestUsers.SOCIAL_WORKER).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.HEALTH_CENTRE), TestUsers.HEALTH_CENTRE, "Toinen"))
                .put("/plans/" + id).then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER)
                .body(nextVersion(hetu, List.of(TestUsers.HEALTH_CENTRE), TestUsers.HEALTH_CENTRE, "Toinen"))
                .put("/plans/" + id).then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).header("If-Match", "yesterday")
                .body(nextVersion(hetu, List.of(TestUsers.HEALTH_CENTRE), TestUsers.HEALTH_CENTRE, "Toinen"))
                .put("/plans/" + id).then()
                .statusCode(400);

        as(TestUsers.SOCIAL_WORKER).get("/plans/" + id).then()
                .header("ETag", equalTo(etag2))
                .body("planVersion", equalTo(2));
        as(TestUsers.SOCIAL_WORKER).get("/plans/" + id + "/versions").then()
                .statusCode(200)
                .body("planVersion", containsInAnyOrder(1, 2))
                .body("[0].goals[0].description", equalTo("Arjen hallinta ja asumisen tukeminen"))
                .body("[1].goals[0].description", equalTo("Päihteettömyys"))
                .body("[1].createdByOrganisation", equalTo(TestUsers.HEALTH_CENTRE));
    }

    @Test
    void aBadBodyIsNamedBeforeTheMissingPreconditionIsAskedFor() {
        String hetu = newTestHetu();
        String id = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("id");
        as(TestUsers.SOCIAL_WORKER)
                .body(nextVersion(hetu, List.of(), TestUsers.SOCIAL_SERVICES, "x".repeat(2001)))
                .put("/plans/" + id).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("goals[0].description"));
    }

    @Test
    void aNewVersionForAnotherClientOrWithoutTheResponsibleOrganisationIsRefused() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as(TestUsers.SOCIAL_WORKER).header("If-Match", etag)
                .body(nextVersion(newTestHetu(), List.of(), TestUsers.SOCIAL_SERVICES, "x"))
                .put("/plans/" + id).then().statusCode(400).body("errors[0].field", equalTo("client"));
    }

    @Test
    void wideningAPlanNeedsConsentForTheNewcomerOnly() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as(TestUsers.SOCIAL_WORKER).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.NGO), TestUsers.NGO, "Vertaistuki"))
                .put("/plans/" + id).then()
                .statusCode(403)
                .body("errors[0].field", equalTo("participants[0]"));
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        as(TestUsers.SOCIAL_WORKER).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.NGO), TestUsers.NGO, "Vertaistuki"))
                .put("/plans/" + id).then()
                .statusCode(200)
                .body("participants", hasSize(2));
        as(TestUsers.NGO_WORKER).get("/plans/" + id).then().statusCode(200)
                .body("goals[0].description", equalTo("Vertaistuki"));
    }
}
