package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.PostgresOutage;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * While the database is down, requests are answered 503 problem+json with {@code Retry-After} — the
 * client did nothing wrong and may retry — and the service recovers by itself when it is back.
 *
 * <p>The test JVM's one PostgreSQL is stopped with its own {@code pg_ctl} and started again in a
 * {@code finally}, on the same data directory and options; the test then waits until this service
 * answers from the database again, so the test classes after it find everything as before.
 */
@ReferralServiceTest
class DatabaseOutageIs503WithRetryAfterTest {

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndTheServiceRecovers() throws Exception {
        PostgresOutage postgres = PostgresOutage.ofTestDatabase();
        awaitServing();
        postgres.stop();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                            .get("/needs/" + UUID.randomUUID()).then()
                            .statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", equalTo("5"))
                            .body("type", equalTo("https://yhdyspinta.fi/problems/service-unavailable")));
            given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).contentType(ContentType.JSON)
                    .body(Map.of("client", UniqueHenkilotunnus.next(), "category", "MENTAL_HEALTH",
                            "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE"))
                    .post("/needs").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            postgres.start();
        }
        awaitServing();
    }

    /** Until a read that needs the database is answered from it again (404 for an unknown need). */
    private static void awaitServing() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                        .get("/needs/" + UUID.randomUUID()).then().statusCode(404));
    }
}
