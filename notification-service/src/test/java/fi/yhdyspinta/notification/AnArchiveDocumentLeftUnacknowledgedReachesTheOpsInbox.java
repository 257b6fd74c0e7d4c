package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ArchiveDocumentChanged;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 8: archive-overdue from any service (the archive did not acknowledge a document version within five days)
 * puts one item in the inbox of role ops — ids and codes only, no client id — which ops acknowledges. The same event
 * redelivered makes no second item; archive-document-ready makes none; professionals do not see the ops inbox and
 * ops sees no organisation's inbox.
 */
@NotificationServiceTest
class AnArchiveDocumentLeftUnacknowledgedReachesTheOpsInbox {

    static final String REFERRAL_SERVICE = "/yhdyspinta/referral-service";

    @Test
    void archiveOverdueIsOneItemForOpsWithoutClientData() {
        String clientId = clientIdOf("131052-9085");
        String documentId = UUID.randomUUID().toString();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6).truncatedTo(ChronoUnit.SECONDS);
        ArchiveDocumentChanged document = new ArchiveDocumentChanged(documentId, 1, null, "REFERRAL", "SOCIAL",
                TestUsers.SOCIAL_SERVICES, clientId, created, created.plusDays(5));
        TestEvents.publish(EventType.ARCHIVE_DOCUMENT_READY, clientId, document, REFERRAL_SERVICE);
        var overdue = TestEvents.publish(EventType.ARCHIVE_OVERDUE, clientId, document, REFERRAL_SERVICE);

        Map<String, Object> item = awaitOpsItem(documentId);
        assertThat(item).containsEntry("type", "ARCHIVE_OVERDUE").containsEntry("audience", "ops")
                .containsEntry("sourceService", REFERRAL_SERVICE).containsEntry("documentVersion", 1)
                .containsEntry("documentKind", "REFERRAL").containsEntry("register", "SOCIAL")
                .containsEntry("authorOrganisation", TestUsers.SOCIAL_SERVICES)
                .containsEntry("sourceEventId", overdue.id()).containsEntry("acknowledged", false)
                .doesNotContainKey("clientId");
        String body = as(TestUsers.OPS).get("/ops/inbox").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(clientId);
        assertThat(body).doesNotContainPattern(PersonalDataScan.henkilotunnusOrBirthDate("131052"));
        assertThat(opsItems(documentId)).as("ready is no alert; overdue once").hasSize(1);

        // raised again about the same version (a new event, e.g. after a restart of the source): still one item
        TestEvents.publish(EventType.ARCHIVE_OVERDUE, clientId, document, REFERRAL_SERVICE);
        // a later alert of the same client travels behind it on the same partition: once it is in, the repeat was read
        String laterId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.ARCHIVE_OVERDUE, clientId, new ArchiveDocumentChanged(laterId, 1, null, "REFERRAL",
                "SOCIAL", TestUsers.SOCIAL_SERVICES, clientId, created, created.plusDays(5)), REFERRAL_SERVICE);
        awaitOpsItem(laterId);
        assertThat(opsItems(documentId)).as("the same document version raised again: still one item").hasSize(1);
        String id = (String) item.get("id");
        as(TestUsers.OPS).post("/ops/inbox/" + id + "/ack").then().statusCode(200)
                .body("acknowledged", org.hamcrest.Matchers.equalTo(true))
                .body("acknowledgedBy", org.hamcrest.Matchers.equalTo("ops"));
        assertThat(as(TestUsers.OPS).get("/ops/inbox?unacknowledged=true").then().statusCode(200).extract()
                .jsonPath().getList("documentId")).doesNotContain(documentId);
    }

    @Test
    void onlyOpsReadsTheOpsInbox() {
        for (var user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.UNIT_LEAD, TestUsers.ARCHIVE,
                TestUsers.AUDITOR, TestUsers.ADMIN, TestUsers.CLIENT)) {
            as(user).get("/ops/inbox").then().statusCode(403).contentType("application/problem+json");
            as(user).post("/ops/inbox/" + UUID.randomUUID() + "/ack").then().statusCode(403);
        }
        as(TestUsers.OPS).get("/inbox").then().statusCode(403);
        as(TestUsers.OPS).post("/ops/inbox/" + UUID.randomUUID() + "/ack").then().statusCode(404);
        as(TestUsers.OPS).get("/ops/inbox?unacknowledged=maybe").then().statusCode(400);
    }

    private static Map<String, Object> awaitOpsItem(String documentId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> opsItems(documentId).stream().findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static List<Map<String, Object>> opsItems(String documentId) {
        List<Map<String, Object>> all = as(TestUsers.OPS).get("/ops/inbox").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return all.stream().filter(i -> documentId.equals(i.get("documentId"))).toList();
    }
}
