package fi.yhdyspinta.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code /q/health/ready} asks both things a service cannot work without: its database (Quarkus'
 * datasource checks, JDBC and reactive) and the Kafka broker (platform check: the cluster must answer,
 * which a paused broker does not). How it goes DOWN without the database: {@link ADatabaseOutageDelaysEventsNeverDropsThem}.
 */
@ConsentServiceTest
class ReadinessAsksTheDatabaseAndTheBroker {

    @Test
    void readinessListsTheDatabaseAndTheBrokerAsUp() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath().getList("checks");
        assertThat(checks).anySatisfy(check -> {
            assertThat(check.get("name")).isEqualTo("Kafka broker");
            assertThat(check.get("status")).isEqualTo("UP");
        });
        assertThat(checks).as("datasource checks").anySatisfy(check -> {
            assertThat((String) check.get("name")).containsIgnoringCase("database");
            assertThat(check.get("status")).isEqualTo("UP");
        });
    }
}
