package fi.yhdyspinta.consent;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** consent-service's database in tests: a direct connection, and waiting until the service reads from it again. */
final class ConsentDatabase {

    private ConsentDatabase() {
    }

    /** A direct connection to this service's database, for setting up what a test needs. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("consent"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** Until the service answers a read that needs its database (the registry's health centre) again. */
    static void awaitServing() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                        .get("/organisations/" + TestUsers.HEALTH_CENTRE).then().statusCode(200));
    }
}
