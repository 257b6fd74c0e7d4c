package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.common.mapper.TypeRef;

/**
 * A row the broker refuses for good — its topic name is invalid, or it is larger than the producer may
 * send — is quarantined with the broker's reason instead of failing every round, and the row recorded
 * after it still goes out. Ops (and only ops) lists the quarantined rows without their payload, drops one
 * and re-drives another.
 */
@ReferralServiceTest
class RefusedRowIsQuarantinedAndDoesNotBlock {

    private static final String CLIENT_ID = "5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c3f2b6c1d9e8a7b6c";
    private static final String QUARANTINE = "/ops/outbox/quarantine";

    @Test
    void refusedRowsAreQuarantinedListedForOpsAndTheNextRowIsPublished() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "outbox-refusal-" + run;
        String marker = "payload-marker-" + run;
        String type = EventType.NEED_IDENTIFIED.type();
        double quarantinedBefore = metric("yhdyspinta_outbox_quarantined_total");

        long invalidTopic;
        long tooLarge;
        long fine;
        UUID fineId = UUID.randomUUID();
        try (Connection db = OutboxTable.database()) {
            db.setAutoCommit(false);
            invalidTopic = OutboxTable.insert(db, UUID.randomUUID(), type, "not a topic " + run, CLIENT_ID,
                    "{\"marker\":\"" + marker + "\"}");
            tooLarge = OutboxTable.insert(db, UUID.randomUUID(), type, topic, CLIENT_ID,
                    "{\"marker\":\"" + marker + "\",\"padding\":\"" + "x".repeat(1_200_000) + "\"}");
            fine = OutboxTable.insert(db, fineId, type, topic, CLIENT_ID, "{\"marker\":\"" + marker + "\"}");
            OutboxTable.notifyRelays(db);
            db.commit();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(OutboxTable.column(fine, "published_at")).as("the row after the refused ones").isNotNull();
            assertThat(OutboxTable.column(invalidTopic, "quarantined_at")).isNotNull();
            assertThat(OutboxTable.column(tooLarge, "quarantined_at")).isNotNull();
        });
        assertThat(OutboxTable.column(invalidTopic, "published_at")).isNull();
        assertThat(OutboxTable.column(tooLarge, "published_at")).isNull();
        assertThat((String) OutboxTable.column(invalidTopic, "quarantine_reason"))
                .startsWith("InvalidTopicException").doesNotContain(marker);
        assertThat((String) OutboxTable.column(tooLarge, "quarantine_reason"))
                .startsWith("RecordTooLargeException").doesNotContain(marker).doesNotContain("xxxx");
        var published = KafkaRecords.readUntil(TestInfrastructure.get().kafka().bootstrapServers(), List.of(topic),
                records -> records.stream().anyMatch(r -> r.value().contains(marker)), Duration.ofSeconds(15));
        assertThat(published).hasSize(1).allSatisfy(r -> assertThat(r.key()).isEqualTo(CLIENT_ID));
        assertThat(metric("yhdyspinta_outbox_quarantined_total")).isGreaterThanOrEqualTo(quarantinedBefore + 2);

        List<Map<String, Object>> listed = asOps().get(QUARANTINE).then().statusCode(200).extract()
                .as(new TypeRef<List<Map<String, Object>>>() {
                });
        assertThat(listed).filteredOn(row -> ((Number) row.get("position")).longValue() == tooLarge).singleElement()
                .satisfies(row -> {
                    assertThat(row).containsOnlyKeys("position", "eventId", "type", "topic", "reason", "recordedAt",
                            "quarantinedAt");
                    assertThat(row.get("type")).isEqualTo(type);
                    assertThat(row.get("topic")).isEqualTo(topic);
                    assertThat((String) row.get("reason")).startsWith("RecordTooLargeException");
                });
        assertThat(listed).extracting(row -> ((Number) row.get("position")).longValue()).contains(invalidTopic)
                .doesNotContain(fine);
        String body = asOps().get(QUARANTINE).then().extract().asString();
        assertThat(body).doesNotContain(marker).doesNotContain(CLIENT_ID);

        // ops drops the one that can never go out, and re-drives the other: it is tried again (and refused again)
        Object firstQuarantine = OutboxTable.column(tooLarge, "quarantined_at");
        asOps().delete(QUARANTINE + "/" + invalidTopic).then().statusCode(204);
        asOps().delete(QUARANTINE + "/" + invalidTopic).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(OutboxTable.count("select count(*) from outbox_event where position = ?", invalidTopic)).isZero();
        asOps().post(QUARANTINE + "/" + tooLarge + "/redrive").then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OutboxTable.column(tooLarge,
                "quarantined_at")).isNotNull().isNotEqualTo(firstQuarantine));
        asOps().post(QUARANTINE + "/" + fine + "/redrive").then().statusCode(404)
                .body("type", equalTo("https://yhdyspinta.fi/problems/not-found"));
    }

    @Test
    void onlyOpsSeesTheQuarantine() {
        given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).get(QUARANTINE).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).post(QUARANTINE + "/1/redrive").then()
                .statusCode(403);
        given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.ADMIN)).delete(QUARANTINE + "/1").then()
                .statusCode(403);
        given().get(QUARANTINE).then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification asOps() {
        return given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.OPS));
    }

    /** The sum of the samples whose name and labels match. */
    private static double metric(String sample) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + sample + "(\\{[^}]*\\})? (?<value>[0-9.eE+-]+)$").matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group("value"));
        }
        return sum;
    }
}
