package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST /needs} with an {@code Idempotency-Key}: a retry with the same key and body gets the
 * first answer again (status, body, Location) and creates nothing; the same key with another body is
 * 422; a duplicate while the first is in flight is 409; without a key every request creates.
 */
@ReferralServiceTest
class IdempotencyKeyReplaysTheFirstAnswerTest {

    private static final String KEY = IdempotencyKeys.HEADER;

    @Test
    void theSameKeyAndBodyGiveTheFirstAnswerAndOneNeedWithOneEvent() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE"))
                .post("/needs").then().statusCode(201).extract();
        ExtractableResponse<Response> retry = as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE"))
                .post("/needs").then().statusCode(201).header(IdempotentAnswer.REPLAYED_HEADER, "true").extract();

        assertThat(retry.<String>path("referralId")).isEqualTo(first.path("referralId"));
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/needs/" + first.path("id"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(needsOf(hetu)).isEqualTo(1);
        assertThat(needIdentifiedEventsOf(hetu)).isEqualTo(1);
    }

    @Test
    void anotherColleagueOfTheSameOrganisationRetryingWithTheKeyGetsTheSameAnswer() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();
        String first = as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        String retry = as(TestUsers.DOCTOR).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        assertThat(retry).isEqualTo(first);
        assertThat(needsOf(hetu)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeader() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201);

        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "URGENT")).post("/needs").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/idempotency-key-reuse"))
                .body("errors.field", hasItem("Idempotency-Key"));
        assertThat(needsOf(hetu)).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsKeyIsItsOwn() throws SQLException {
        String key = UUID.randomUUID().toString();
        String hetu = UniqueHenkilotunnus.next();
        String ours = as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        Map<String, Object> hospitalNeed = need(hetu, "ROUTINE");
        String theirs = as(TestUsers.HOSPITAL_NURSE).header(KEY, key).body(hospitalNeed).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        assertThat(theirs).isNotEqualTo(ours);
        assertThat(needsOf(hetu)).isEqualTo(2);
    }

    @Test
    void withoutAKeyEveryRequestCreates() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String first = as(TestUsers.NURSE).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201)
                .extract().path("referralId");
        String second = as(TestUsers.NURSE).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201)
                .extract().path("referralId");
        assertThat(second).isNotEqualTo(first);
        assertThat(needsOf(hetu)).isEqualTo(2);
        assertThat(needIdentifiedEventsOf(hetu)).isEqualTo(2);
    }

    @Test
    void aFailedCreationLeavesNoKeySoTheRetryCreates() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();
        // the caller's own organisation as the target: refused inside the creating transaction
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE", TestUsers.HEALTH_CENTRE)).post("/needs").then()
                .statusCode(400);
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE", TestUsers.HEALTH_CENTRE)).post("/needs").then()
                .statusCode(400);
        // and the key is still free for the corrected request
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201);
        assertThat(needsOf(hetu)).isEqualTo(1);
    }

    @Test
    void aKeyOlderThanTheRetentionIsAsGoodAsNew() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();
        // a key used 25 hours ago for something else (retention 24 h)
        try (Connection db = database(); PreparedStatement old = db.prepareStatement(
                "insert into idempotency_key (owner, key_hash, fingerprint, status, location, body, created_at) "
                        + "values (?, ?, 'another request', 201, '', '{}', now() - interval '25 hours')")) {
            old.setString(1, "org:" + TestUsers.HEALTH_CENTRE);
            old.setString(2, IdempotencyKeys.keyHash(key));
            old.executeUpdate();
        }
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201);
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201)
                .header(IdempotentAnswer.REPLAYED_HEADER, "true");
        assertThat(needsOf(hetu)).isEqualTo(1);
    }

    @Test
    void aDuplicateWhileTheFirstIsInFlightIs409() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        String key = UUID.randomUUID().toString();
        long lock = IdempotencyKeys.lockId("org:" + TestUsers.HEALTH_CENTRE, IdempotencyKeys.keyHash(key));
        // the first request's transaction holds this lock until it commits; here a session holds it instead
        try (Connection db = database(); PreparedStatement hold = db.prepareStatement("select pg_advisory_lock(?)")) {
            hold.setLong(1, lock);
            hold.execute();
            as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://yhdyspinta.fi/problems/idempotency-key-in-flight"))
                    .body("errors.field", hasItem("Idempotency-Key"));
        }
        assertThat(needsOf(hetu)).isZero();
        as(TestUsers.NURSE).header(KEY, key).body(need(hetu, "ROUTINE")).post("/needs").then().statusCode(201);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIs400NamingTheHeader() throws SQLException {
        String hetu = UniqueHenkilotunnus.next();
        for (String bad : new String[] { "k".repeat(256), "", "   " }) {
            as(TestUsers.NURSE).header(KEY, bad).body(need(hetu, "ROUTINE")).post("/needs").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("Idempotency-Key"));
        }
        as(TestUsers.NURSE).header(KEY, "avain-\u00E4").body(need(hetu, "ROUTINE")).post("/needs").then()
                .statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        as(TestUsers.NURSE).header(KEY, "one").header(KEY, "two").body(need(hetu, "ROUTINE")).post("/needs").then()
                .statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertThat(needsOf(hetu)).isZero();
    }

    private static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> need(String hetu, String urgency) {
        return need(hetu, urgency, TestUsers.SOCIAL_SERVICES);
    }

    private static Map<String, Object> need(String hetu, String urgency, String target) {
        Map<String, Object> body = new HashMap<>();
        body.put("client", hetu);
        body.put("category", "MENTAL_HEALTH");
        body.put("targetOrganisation", target);
        body.put("urgency", urgency);
        return body;
    }

    private static int needsOf(String hetu) throws SQLException {
        return count("select count(*) from need where client_hetu = ?", hetu);
    }

    /** need-identified events in the outbox (the relay publishes each once) for the client of {@code hetu}. */
    private static int needIdentifiedEventsOf(String hetu) throws SQLException {
        return count("select count(*) from outbox_event where topic = '" + EventType.NEED_IDENTIFIED.topic()
                + "' and event_key in (select client_id from need where client_hetu = ?)", hetu);
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("referral"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
