package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.awaitEvents;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.specification.RequestSpecification;

/**
 * Ops (role {@code ops}, and only ops) list the dead letters of the topics this service consumes —
 * where they lie, why, the event's id, type and subject, never its data — and re-drive them to their
 * topic once each. The letters here failed because the database refused their needs (a rule put on the
 * {@code pending_need} table, standing for a condition of the domain); the handler's retries could not
 * get past it, so they were dead-lettered as {@code handler-failed}. Once the rule is lifted, a re-drive
 * gets them handled, exactly once.
 */
@ConsentServiceTest
class OpsListsAndRedrivesDeadLetters {

    private static final String NEEDS = EventType.NEED_IDENTIFIED.topic();
    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void refuseTheNeedsOfThisTest() throws Exception {
        try (Connection db = ConsentDatabase.connect(); Statement s = db.createStatement()) {
            s.execute("create table if not exists refused_need (need_id uuid primary key)");
            s.execute("create or replace function refuse_need() returns trigger language plpgsql as $$ begin "
                    + "if exists (select 1 from refused_need where need_id = new.need_id) then "
                    + "raise exception 'need refused for now'; end if; return new; end $$");
            s.execute("drop trigger if exists refuse_need on pending_need");
            s.execute("create trigger refuse_need before insert on pending_need for each row execute function refuse_need()");
        }
    }

    @AfterEach
    void liftTheRule() throws Exception {
        try (Connection db = ConsentDatabase.connect(); Statement s = db.createStatement()) {
            s.execute("drop trigger if exists refuse_need on pending_need");
            s.execute("drop function if exists refuse_need()");
            s.execute("drop table if exists refused_need");
        }
    }

    @Test
    void aLetterRefusedForAReasonThatHasSinceChangedIsRedrivenOnceAndHandled() throws Exception {
        String firstHetu = newHetu();
        String secondHetu = newHetu();
        NeedIdentified first = needForSocialServices(clientIdOf(firstHetu));
        NeedIdentified second = needForSocialServices(clientIdOf(secondHetu));
        refuse(first, second);
        CloudEvent firstEvent = Scenario.publishNeed(first);
        CloudEvent secondEvent = Scenario.publishNeed(second);

        // dead-lettered after the handler's few retries, listed for ops without the event's data
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(letters()).extracting(l -> l.get("eventId"))
                        .contains(firstEvent.id(), secondEvent.id()));
        String listing = asOps().queryParam("topic", NEEDS).get("/ops/dead-letters").then().statusCode(200)
                .extract().asString();
        assertThat(listing).doesNotContain(first.needId()).doesNotContain(second.needId())
                .doesNotContain(TestUsers.SOCIAL_SERVICES).doesNotContain("\"data\"").doesNotContain(firstHetu);
        Map<String, Object> letter = letterOf(firstEvent);
        assertThat(letter.get("topic")).isEqualTo(NEEDS);
        assertThat(letter.get("deadLetterTopic")).isEqualTo(EventType.NEED_IDENTIFIED.deadLetterTopic());
        assertThat((Integer) letter.get("partition")).isNotNegative();
        assertThat(((Number) letter.get("offset")).longValue()).isNotNegative();
        assertThat(letter.get("time")).isNotNull();
        assertThat(letter.get("originalPartition")).isNotNull();
        assertThat(letter.get("originalOffset")).isNotNull();
        assertThat(letter.get("eventType")).isEqualTo(EventType.NEED_IDENTIFIED.type());
        assertThat(letter.get("subject")).isEqualTo(first.clientId());
        assertThat((String) letter.get("reason")).startsWith("handler-failed: ");
        assertThat(letter).doesNotContainKey("redrivenAt");
        assertThat(decisions(firstHetu)).as("not decided while refused").isEmpty();

        // only ops
        String path = redrivePath(letter);
        given().get("/ops/dead-letters").then().statusCode(401).contentType(PROBLEM);
        as(TestUsers.NURSE).get("/ops/dead-letters").then().statusCode(403).contentType(PROBLEM);
        as(TestUsers.ADMIN).post(path).then().statusCode(403).contentType(PROBLEM);
        as(TestUsers.SOCIAL_WORKER).queryParam("topic", NEEDS).post("/ops/dead-letters/redrive").then()
                .statusCode(403).contentType(PROBLEM);

        // the condition changes; the first letter is re-driven and handled, once
        lift();
        asOps().post(path).then().statusCode(200)
                .body("eventId", equalTo(firstEvent.id())).body("redrivenAt", org.hamcrest.Matchers.notNullValue());
        assertThat(awaitEvents(EventType.CONSENT_REQUESTED, forNeed(first.needId()))).hasSize(1);
        asOps().post(path).then().statusCode(409).contentType(PROBLEM);

        // re-drive all: the second goes (the first, re-driven already, does not go again)
        List<String> redriven = asOps().queryParam("topic", NEEDS).post("/ops/dead-letters/redrive").then()
                .statusCode(200).body("topic", equalTo(NEEDS)).extract().jsonPath().getList("letters.eventId");
        assertThat(redriven).contains(secondEvent.id()).doesNotContain(firstEvent.id());
        assertThat(awaitEvents(EventType.CONSENT_REQUESTED, forNeed(second.needId()))).hasSize(1);
        assertThat(decisions(firstHetu)).extracting(e -> e.get("needId")).containsExactly(first.needId());
        assertThat(decisions(secondHetu)).extracting(e -> e.get("needId")).containsExactly(second.needId());
        assertThat(letterOf(firstEvent)).containsKey("redrivenAt");
        assertThat(letterOf(secondEvent)).containsKey("redrivenAt");
    }

    @Test
    void aTopicNotConsumedHereIsA400AndAPlaceWithNoLetterA404() {
        asOps().queryParam("topic", "no-such-topic").get("/ops/dead-letters").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("topic"));
        asOps().post("/ops/dead-letters/no-such-topic/0/0/redrive").then().statusCode(400).contentType(PROBLEM);
        asOps().post("/ops/dead-letters/redrive").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("topic"));
        asOps().post("/ops/dead-letters/" + NEEDS + "/0/" + Long.MAX_VALUE + "/redrive").then().statusCode(404)
                .contentType(PROBLEM);
        asOps().post("/ops/dead-letters/" + NEEDS + "/999/0/redrive").then().statusCode(404).contentType(PROBLEM);
        // another script's digits are no offset, even where the topic is unknown too (Java would read "١٢٣" as 123)
        asOps().post("/ops/dead-letters/no-such-topic/0/\u0661\u0662\u0663/redrive").then()
                .statusCode(404).contentType(PROBLEM);
    }

    private static List<Map<String, Object>> letters() {
        return asOps().queryParam("topic", NEEDS).get("/ops/dead-letters").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private static Map<String, Object> letterOf(CloudEvent event) {
        List<Map<String, Object>> found = letters().stream().filter(l -> event.id().equals(l.get("eventId"))).toList();
        assertThat(found).as("dead letters of event %s", event.id()).hasSize(1);
        return found.get(0);
    }

    private static String redrivePath(Map<String, Object> letter) {
        return "/ops/dead-letters/" + letter.get("topic") + "/" + letter.get("partition") + "/" + letter.get("offset")
                + "/redrive";
    }

    private static void refuse(NeedIdentified... needs) throws Exception {
        try (Connection db = ConsentDatabase.connect();
                PreparedStatement insert = db.prepareStatement("insert into refused_need values (?)")) {
            for (NeedIdentified need : needs) {
                insert.setObject(1, UUID.fromString(need.needId()));
                insert.executeUpdate();
            }
        }
    }

    private static void lift() throws Exception {
        try (Connection db = ConsentDatabase.connect(); Statement s = db.createStatement()) {
            s.execute("delete from refused_need");
        }
    }

    private static RequestSpecification asOps() {
        return as(TestUsers.OPS);
    }

    private static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user));
    }
}
