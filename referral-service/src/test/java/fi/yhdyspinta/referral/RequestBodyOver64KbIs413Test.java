package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;

/** A request body over 64 KB is refused 413 problem+json, whether its length is announced or it comes chunked. */
@ReferralServiceTest
class RequestBodyOver64KbIs413Test {

    private static final int LIMIT = 64 * 1024;

    @TestHTTPResource("/needs")
    URI needs;

    @Test
    void aBodyAnnouncedOver64KbIs413Problem() {
        given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).contentType(ContentType.JSON)
                .body(bodyOf(LIMIT + 1)).post("/needs").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/payload-too-large"))
                .body("status", equalTo(413))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void aChunkedBodyOver64KbIs413Problem() throws Exception {
        byte[] body = bodyOf(LIMIT * 3).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(needs)
                .header("Authorization", "Bearer " + TestInfrastructure.tokenFor(TestUsers.NURSE))
                .header("Content-Type", "application/json")
                // a stream of unknown length: sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://yhdyspinta.fi/problems/payload-too-large");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndItsFieldsChecked() {
        // under 64 KB the body is read; its over-long field is then a 400 naming the field
        given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).contentType(ContentType.JSON)
                .body(bodyOf(LIMIT - 100)).post("/needs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("client"));
    }

    /** A need whose client field is padded so that the whole body has {@code size} bytes. */
    private static String bodyOf(int size) {
        String head = "{\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + TestUsers.SOCIAL_SERVICES
                + "\",\"urgency\":\"ROUTINE\",\"client\":\"";
        String tail = "\"}";
        return head + "9".repeat(size - head.length() - tail.length()) + tail;
    }
}
