package fi.yhdyspinta.e2e;

import static io.restassured.RestAssured.given;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A JSON request to one of the running services as a user, with a real signed token of the test issuer. */
final class Calls {

    private Calls() {
    }

    static RequestSpecification as(TestUser user, ServiceProcess service) {
        return given().baseUri(service.baseUri()).auth().oauth2(TestInfrastructure.tokenFor(user))
                .contentType(ContentType.JSON);
    }
}
