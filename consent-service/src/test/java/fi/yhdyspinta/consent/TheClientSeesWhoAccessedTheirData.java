package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitAccessLogEntry;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * DESIGN §1, §8: the client sees who read, changed, decided on or was refused their data, in every service — the
 * organisation's name and OID and the role, never a person — when, what, why and on what basis, statutory bases
 * flagged; newest first, a page at a time. Built from the {@code audit} topic, each record once.
 */
@ConsentServiceTest
class TheClientSeesWhoAccessedTheirData {

    private static final String REFERRAL_SERVICE = "referral-service";

    @Test
    void aReadOfAReferralByTheSocialWorkerAppearsWithTheOrganisationsNameAndNoPerson() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        AuditRecorded read = AuditTrailRows.record(REFERRAL_SERVICE, OffsetDateTime.now(), "a1b2c3d4-socialworker",
                TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientId, "REFERRAL", "CONSENT",
                "PERMITTED", null);
        CloudEvent event = AuditTrailRows.publish(read);

        Map<String, Object> entry = awaitAccessLogEntry(hetu, e -> event.id().equals(e.get("id")));
        assertThat(entry).containsEntry("action", "READ").containsEntry("resourceType", "REFERRAL")
                .containsEntry("resourceId", read.resourceId()).containsEntry("purpose", "REFERRAL")
                .containsEntry("legalBasis", "CONSENT").containsEntry("statutory", false)
                .containsEntry("outcome", "PERMITTED").containsEntry("service", REFERRAL_SERVICE);
        assertThat(entry.get("who")).isEqualTo(Map.of("organisation", TestUsers.SOCIAL_SERVICES,
                "organisationName", "Kittilän sosiaalipalvelut", "role", "social-worker"));
        assertThat(entry.toString()).doesNotContain("a1b2c3d4");

        // another client never sees it
        String other = as(client(newHetu())).get("/me/access-log").then().statusCode(200).extract().asString();
        assertThat(other).doesNotContain(event.id()).doesNotContain(clientId);
    }

    @Test
    void aRefusedReadAndAStatutoryDisclosureAreFlagged() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        CloudEvent refused = AuditTrailRows.publish(AuditTrailRows.record(REFERRAL_SERVICE, OffsetDateTime.now(),
                "ngo", TestUsers.NGO, "ngo-worker", "READ", "REFERRAL", clientId, null, null, "REFUSED", 404));
        CloudEvent statutory = AuditTrailRows.publish(AuditTrailRows.record(REFERRAL_SERVICE, OffsetDateTime.now(),
                "childwelfare", TestUsers.CHILD_WELFARE, "social-worker", "READ", "REFERRAL", clientId, "REFERRAL",
                "LSL_25", "PERMITTED", null));

        assertThat(awaitAccessLogEntry(hetu, e -> refused.id().equals(e.get("id"))))
                .containsEntry("outcome", "REFUSED").containsEntry("refusalStatus", 404)
                .containsEntry("statutory", false);
        assertThat(awaitAccessLogEntry(hetu, e -> statutory.id().equals(e.get("id"))))
                .containsEntry("legalBasis", "LSL_25").containsEntry("statutory", true);
    }

    @Test
    void theServicesOwnActsAppearWithinSeconds() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> entry = awaitAccessLogEntry(hetu, e -> consentId.equals(e.get("resourceId")));
        assertThat(entry).containsEntry("action", "CREATE").containsEntry("resourceType", "CONSENT")
                .containsEntry("service", "consent-service");
        assertThat(entry.get("who").toString()).contains("Kittilän terveyskeskus", "health-professional");
    }

    @Test
    void aRecordConsumedTwiceIsShownOnce() {
        String hetu = newHetu();
        CloudEvent event = AuditTrailRows.publish(AuditTrailRows.record(REFERRAL_SERVICE, OffsetDateTime.now(),
                "socialworker", TestUsers.SOCIAL_SERVICES, "social-worker", "LIST", "REFERRAL", clientIdOf(hetu),
                "REFERRAL", "CONSENT", "PERMITTED", null));
        AuditTrailRows.send(event);
        // a later record of the same client (same key, same partition) shows both deliveries were handled
        CloudEvent marker = AuditTrailRows.publish(AuditTrailRows.record(REFERRAL_SERVICE, OffsetDateTime.now(),
                "socialworker", TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientIdOf(hetu),
                "REFERRAL", "CONSENT", "PERMITTED", null));
        awaitAccessLogEntry(hetu, e -> marker.id().equals(e.get("id")));

        List<String> ids = as(client(hetu)).get("/me/access-log?limit=200").then().statusCode(200).extract()
                .jsonPath().getList("entries.id", String.class);
        assertThat(ids).filteredOn(event.id()::equals).hasSize(1);
    }

    @Test
    void theLogIsPagedNewestFirstWithACursor() {
        String hetu = newHetu();
        OffsetDateTime start = OffsetDateTime.now().minusHours(1);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(AuditTrailRows.publish(AuditTrailRows.record(REFERRAL_SERVICE, start.plusMinutes(i),
                    "socialworker", TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientIdOf(hetu),
                    "REFERRAL", "CONSENT", "PERMITTED", null)).id());
        }
        awaitAccessLogEntry(hetu, e -> published.get(4).equals(e.get("id")));
        awaitAccessLogEntry(hetu, e -> published.get(0).equals(e.get("id")));

        // the reads of the log itself are audited too and are newer: page until the five arrive, in order
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(client(hetu)).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("before", cursor);
            }
            JsonPath page = request.get("/me/access-log").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("entries.id", String.class);
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(published::contains).toList())
                .containsExactly(published.get(4), published.get(3), published.get(2), published.get(1),
                        published.get(0));
    }

    @Test
    void aBadCursorOrPageSizeIsA400NamingIt() {
        String hetu = newHetu();
        as(client(hetu)).queryParam("before", "not-a-cursor").get("/me/access-log").then().statusCode(400)
                .body("errors.field", hasItem("before"));
        as(client(hetu)).queryParam("limit", 201).get("/me/access-log").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as(client(hetu)).queryParam("limit", "many").get("/me/access-log").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as(client(hetu)).queryParam("limit", 200).get("/me/access-log").then().statusCode(200)
                .body("entries.size()", equalTo(0));
    }
}
