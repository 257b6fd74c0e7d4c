package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 6 point 5 on {@code POST /needs}: every malformed, over-long, mistyped or smuggled input is a
 * 400 problem+json naming the field — never a 5xx, never a stack trace, never the value — and the
 * henkilötunnus has exactly one accepted spelling.
 */
@ReferralServiceTest
class EveryBadInputIsAClientErrorNamingTheFieldTest {

    private static final String TARGET = TestUsers.SOCIAL_SERVICES;

    @Inject
    ObjectMapper mapper;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "server-owned id             | ,\"id\":\"9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f\" | id",
            "server-owned status         | ,\"status\":\"SENT\"                             | status",
            "server-owned createdBy      | ,\"createdBy\":\"nurse\"                         | createdBy",
            "server-owned referralId     | ,\"referralId\":\"9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f\" | referralId",
            "unknown field               | ,\"sourceOrganisation\":\"1.2.246.10.1\"         | sourceOrganisation",
            "enum as a number            | ,\"purpose\":0                                   | purpose",
            "code in a list as a number  | ,\"dataCategories\":[\"NEED_SUMMARY\",1]        | dataCategories[1]",
            "list as a single value      | ,\"dataCategories\":\"NEED_SUMMARY\"             | dataCategories",
            "enum in lower case          | ,\"purpose\":\"referral\"                        | purpose" })
    void aFieldTheRequestDoesNotTakeOrOfTheWrongTypeIs400(String rule, String extra, String field) {
        post("{\"client\":\"131052-9085\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + TARGET
                + "\",\"urgency\":\"ROUTINE\"" + extra + "}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/malformed-json"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void urgencyAsANumberIsRefusedNotReadAsAnOrdinal() {
        post("{\"client\":\"131052-9085\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + TARGET
                + "\",\"urgency\":2}")
                .statusCode(400)
                .body("errors.field", hasItem("urgency"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("must be one of [")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "number for the henkilötunnus   | {\"client\":1310529085,\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"T\",\"urgency\":\"ROUTINE\"} | client",
            "boolean for an OID             | {\"client\":\"131052-9085\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":true,\"urgency\":\"ROUTINE\"} | targetOrganisation",
            "same field twice               | {\"client\":\"131052-9085\",\"client\":\"010190-900P\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"T\",\"urgency\":\"ROUTINE\"} | client",
            "array for the body             | [1,2,3] | body",
            "not JSON at all                | client=131052-9085 | body",
            "two documents                  | {\"client\":\"131052-9085\"} {} | body" })
    void aBodyThatIsNotTheJsonOfANeedIs400(String rule, String body, String field) {
        String answer = post(body.replace("\"T\"", "\"" + TARGET + "\""))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .extract().asString();
        assertThat(answer).doesNotContain("131052").doesNotContain("Exception").doesNotContain("at fi.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Arabic-Indic digits     | \u0661\u0663\u0661\u0660\u0665\u0662-9085",
            "full-width digits       | \uFF11\uFF13\uFF11\uFF10\uFF15\uFF12-9085",
            "sharp s                 | 131052-908\u00DF",
            "lower-case check char   | 010190-900p",
            "non-ASCII hyphen        | 131052\u20109085",
            "29.2.1900 did not exist | 290200-900B",
            "individual number 001   | 010190-001P" })
    void aHenkilotunnusWithAnyOtherSpellingIs400(String rule, String hetu) {
        String answer = post("{\"client\":\"" + hetu + "\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\""
                + TARGET + "\",\"urgency\":\"ROUTINE\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("client"))
                .extract().asString();
        assertThat(answer).doesNotContain(hetu);
    }

    @Test
    void aHenkilotunnusOfTheNewCenturySignsIsAccepted() {
        // 2023 reform: Y for the 1900s, B for the 2000s — other people than "-" and "A" with the same digits
        post("{\"client\":\"010190Y900P\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + TARGET
                + "\",\"urgency\":\"ROUTINE\"}").statusCode(201);
        post("{\"client\":\"150615B901E\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + TARGET
                + "\",\"urgency\":\"ROUTINE\"}").statusCode(201);
    }

    @Test
    void anOidWithThousandsOfArcsIs400NotAStackOverflow() {
        String huge = "1.2.246.10" + ".1".repeat(20_000);
        post("{\"client\":\"131052-9085\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + huge
                + "\",\"urgency\":\"ROUTINE\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("targetOrganisation"));
    }

    @Test
    void anOidWithALeadingZeroOrOver20ArcsIs400() {
        for (String oid : new String[] { "1.2.246.10.02345678.20.1", "1.2.246.10" + ".1".repeat(17) }) {
            post("{\"client\":\"131052-9085\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\"" + oid
                    + "\",\"urgency\":\"ROUTINE\"}")
                    .statusCode(400)
                    .body("errors.field", hasItem("targetOrganisation"));
        }
    }

    @Test
    void anOverlongHenkilotunnusIs400WithoutEchoingIt() {
        String longText = "131052-9085".repeat(500);
        String answer = post("{\"client\":\"" + longText + "\",\"category\":\"MENTAL_HEALTH\",\"targetOrganisation\":\""
                + TARGET + "\",\"urgency\":\"ROUTINE\"}")
                .statusCode(400)
                .body("errors.field", hasItem("client"))
                .extract().asString();
        assertThat(answer).doesNotContain("131052");
    }

    @Test
    void nothingWasStoredForAnyRefusedRequest() throws SQLException {
        try (Connection db = DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("referral"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from need where client_hetu !~ '^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]$'");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    record Timed(OffsetDateTime at, Boolean flag) {
    }

    @Test
    void theServicesObjectMapperIsTheStrictOne() {
        assertThatThrownBy(() -> mapper.readValue("{\"at\":1700000000}", Timed.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"flag\":\"true\"}", Timed.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"extra\":1}", Timed.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class);
    }

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).contentType(ContentType.JSON)
                .body(body).post("/needs").then();
    }
}
