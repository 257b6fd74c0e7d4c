package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §4 step 6: consent-revoked stops every plan share that rested on the revoked consent within seconds — the
 * organisation sees the plan's ids only — and the responsible worker's organisation is told. Others keep theirs.
 */
@CarePlanServiceTest
class RevocationTakesThePlanShareAway {

    private static final String CONSENT_SERVICE = "/yhdyspinta/consent-service";

    @Test
    void theOrganisationWhoseConsentWasRevokedSeesIdsOnlyWithinSeconds() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        UUID ngoConsent = ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO),
                TestUsers.NGO)).statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        as(TestUsers.NGO_WORKER).get("/plans/" + id).then().statusCode(200).body("goals[0].description",
                equalTo("Arjen hallinta ja asumisen tukeminen"));

        ConsentServiceDouble.revoke(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        TestEvents.publish(EventType.CONSENT_REVOKED, clientId, new ConsentRevoked(ngoConsent.toString(), clientId,
                "JOINT_CLIENT_PLAN", OffsetDateTime.now(ZoneOffset.UTC)), CONSENT_SERVICE);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NGO_WORKER).get("/plans/" + id)
                .then().statusCode(200).body("sharing", equalTo("REVOKED")));
        String idsOnly = as(TestUsers.NGO_WORKER).get("/plans/" + id).then()
                .body("id", equalTo(id))
                .body("$", not(hasKey("goals")))
                .body("$", not(hasKey("clientId")))
                .body("$", not(hasKey("participants")))
                .extract().asString();
        assertThat(idsOnly).doesNotContain("Arjen").doesNotContain("Kotikäynnit");
        as(TestUsers.NGO_WORKER).get("/plans/" + id + "/versions").then().statusCode(403);
        as(TestUsers.NGO_WORKER).header("If-Match", "\"0\"")
                .body(nextVersion(hetu, List.of(TestUsers.NGO), TestUsers.NGO, "x"))
                .put("/plans/" + id).then().statusCode(403);

        // the others keep their share; the NGO is shown as revoked to them
        as(TestUsers.NURSE).get("/plans/" + id).then().statusCode(200)
                .body("goals[0].description", equalTo("Arjen hallinta ja asumisen tukeminen"))
                .body("participants.find { it.organisation == '" + TestUsers.NGO + "' }.sharing", equalTo("REVOKED"));
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("plans.find { it.id == '" + id + "' }.sharing", equalTo("ACTIVE"));
        as(TestUsers.NGO_WORKER).get("/clients/" + clientId + "/overview").then()
                .body("plans.find { it.id == '" + id + "' }.sharing", equalTo("REVOKED"))
                .body("plans.find { it.id == '" + id + "' }.reviewDate", nullValue());

        var record = Scenario.eventAbout(EventType.CARE_PLAN_SHARING_REVOKED, id);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("organisation").asText()).isEqualTo(TestUsers.NGO);
        assertThat(event.path("data").path("responsibleOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(record.key()).isEqualTo(clientId);
    }

    @Test
    void aConsentRevokedBeforeThePlanIsWrittenLetsNothingIn() {
        String hetu = newTestHetu();
        UUID consent = ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        // the revocation arrives first (the double still answers PERMIT with it, as a decision made just before)
        String clientId = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("clientId");
        var revoked = TestEvents.publish(EventType.CONSENT_REVOKED, clientId, new ConsentRevoked(consent.toString(),
                clientId, "JOINT_CLIENT_PLAN", OffsetDateTime.now(ZoneOffset.UTC)), CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(10)).until(() -> Database.processed(revoked.id()) == 1);

        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO)).statusCode(403);
    }
}
