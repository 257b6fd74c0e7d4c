package fi.yhdyspinta.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 8, as regional IT lives it: a referral is completed over REST; the archive (role archive) pulls the feed,
 * pulls the document, acknowledges it; pulls again and finds nothing new, while a re-pull by id gives the same bytes.
 * A document nobody acknowledges raises the alert once the deadline passes — shortened for the suite by
 * configuration ({@code yhdyspinta.archive.ack-deadline}, {@link Suite#ARCHIVE_ACK_DEADLINE}), not by moving a
 * clock: the {@code archive_overdue_documents} gauge, the {@code archive-overdue} event and the ops inbox item.
 */
@ExtendWith(SuiteExtension.class)
class RegionalItPullsTheArchiveIT {

    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    private static RequestSpecification as(TestUser user, ServiceProcess service) {
        return given().baseUri(service.baseUri()).auth().oauth2(TestInfrastructure.tokenFor(user))
                .contentType(ContentType.JSON);
    }

    @Test
    void theArchivePullsAcknowledgesAndIsAlertedOfWhatItLeftLying() {
        // the archive catches up with what is there, so that what follows is new
        long cursor = pullAll(0, new ArrayList<>());

        String acknowledged = completedReferral(Fixtures.newHetu());
        List<Map<String, Object>> pulled = new ArrayList<>();
        long next = await().atMost(Duration.ofSeconds(20)).until(() -> {
            pulled.clear();
            return pullAll(cursor, pulled);
        }, n -> pulled.stream().anyMatch(d -> acknowledged.equals(d.get("id"))));
        assertThat(pulled).filteredOn(d -> acknowledged.equals(d.get("id"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("kind", "REFERRAL").containsEntry("version", 1)
                        .containsEntry("register", "SOCIAL"));
        String document = as(TestUsers.ARCHIVE, suite.referral).accept("application/fhir+json")
                .get("/archive/documents/" + acknowledged).then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(new JsonPath(document).getString("type")).isEqualTo("document");
        as(TestUsers.ARCHIVE, suite.referral).body(Map.of("archiveId", "kanta-" + acknowledged, "version", 1))
                .post("/archive/documents/" + acknowledged + "/ack").then().statusCode(200);
        as(TestUsers.ARCHIVE, suite.referral).body(Map.of("archiveId", "kanta-" + acknowledged, "version", 1))
                .post("/archive/documents/" + acknowledged + "/ack").then().statusCode(200)
                .body("archiveId", equalTo("kanta-" + acknowledged));

        List<Map<String, Object>> again = new ArrayList<>();
        assertThat(pullAll(next, again)).as("the cursor stays where it was").isEqualTo(next);
        assertThat(again).as("nothing new after the cursor").isEmpty();
        assertThat(as(TestUsers.ARCHIVE, suite.referral).accept("application/fhir+json")
                .get("/archive/documents/" + acknowledged).then().statusCode(200).extract().asString())
                .as("a re-pull by id gives the same bytes").isEqualTo(document);

        // a second document the archive leaves lying: past the (shortened) deadline the alert fires
        String leftLying = completedReferral(Fixtures.newHetu());
        Duration patience = Suite.ARCHIVE_ACK_DEADLINE.plusSeconds(60);
        Map<String, Object> item = await().atMost(patience).pollInterval(Duration.ofSeconds(1))
                .until(() -> opsItem(leftLying), found -> found != null);
        assertThat(item).containsEntry("type", "ARCHIVE_OVERDUE").containsEntry("audience", "ops")
                .containsEntry("documentVersion", 1).containsEntry("documentKind", "REFERRAL")
                .containsEntry("sourceService", "/yhdyspinta/referral-service").doesNotContainKey("clientId");
        List<ConsumerRecord<String, String>> overdue = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().anyMatch(r -> r.value().contains(leftLying)
                        && r.value().contains("fi.yhdyspinta.archive.overdue.v1")),
                Duration.ofSeconds(20));
        assertThat(overdue).anySatisfy(r -> assertThat(r.value()).contains(leftLying)
                .contains("fi.yhdyspinta.archive.overdue.v1"));
        assertThat(overdue).as("the acknowledged one raises no alert")
                .noneSatisfy(r -> assertThat(r.value()).contains(acknowledged)
                        .contains("fi.yhdyspinta.archive.overdue.v1"));
        assertThat(opsItem(acknowledged)).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(overdueGauge()).isGreaterThan(0.0));

        // the feed is the archive's only
        for (TestUser user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.UNIT_LEAD, TestUsers.OPS,
                TestUsers.AUDITOR, TestUsers.ADMIN, TestUsers.CLIENT)) {
            as(user, suite.referral).get("/archive/documents").then().statusCode(403);
            as(user, suite.referral).get("/archive/documents/" + leftLying).then().statusCode(403);
        }
    }

    /** Pages the feed after {@code after} into {@code into}; answers the cursor to ask after next time. */
    private static long pullAll(long after, List<Map<String, Object>> into) {
        long cursor = after;
        while (true) {
            JsonPath page = as(TestUsers.ARCHIVE, suite.referral)
                    .get("/archive/documents?limit=500&after=" + cursor).then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("documents"));
            long next = page.getLong("next");
            if (next == cursor) {
                return cursor;
            }
            cursor = next;
        }
    }

    private static Map<String, Object> opsItem(String documentId) {
        List<Map<String, Object>> items = as(TestUsers.OPS, suite.notification).get("/ops/inbox").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> documentId.equals(i.get("documentId"))).findFirst().orElse(null);
    }

    private static double overdueGauge() {
        String metrics = given().baseUri(suite.referral.baseUri()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(line -> line.startsWith("archive_overdue_documents"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(0);
    }

    /** The health centre's referral to the social services, consented, accepted and completed with feedback. */
    private static String completedReferral(String hetu) {
        String referralId = as(TestUsers.NURSE, suite.referral).body(Map.of("client", hetu, "category",
                "MENTAL_HEALTH", "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE"))
                .post("/needs").then().statusCode(201).extract().path("referralId");
        as(TestUsers.NURSE, suite.consent).body(Map.of("client", hetu, "purpose", "REFERRAL", "recipients",
                List.of(TestUsers.SOCIAL_SERVICES), "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"),
                "validUntil", LocalDate.now().plusYears(1).toString(), "form", "ORAL")).post("/consents").then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo("SENT")));
        as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals/" + referralId).then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER, suite.referral).post("/referrals/" + referralId + "/accept").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER, suite.referral).body(Map.of("outcome", "SERVICE_PROVIDED", "feedback",
                "Asiakas aloitti palvelussa.")).post("/referrals/" + referralId + "/complete").then().statusCode(200);
        return referralId;
    }
}
