package fi.yhdyspinta.e2e.matrix;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

import fi.yhdyspinta.e2e.matrix.Fixtures.Fixture;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Runs the matrix: each actor calls the operation on the row's object; a case expected to change the
 * object (a 2xx of a {@link Rule#changes() changing} row) gets a fresh object of its own, every other
 * case shares one. Every answer of 4xx must be problem+json. Returns every mismatch, not only the first.
 */
public final class MatrixRunner {

    private final Fixtures fixtures;

    public MatrixRunner(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    public List<String> run(List<Rule> rules) {
        List<String> mismatches = new ArrayList<>();
        for (Rule rule : rules) {
            if (!fixtures.knows(rule.fixture)) {
                mismatches.add(rule + ": no fixture " + rule.fixture);
                continue;
            }
            for (Who who : Who.values()) {
                Integer expected = rule.expected.get(who);
                if (expected == null) {
                    mismatches.add(rule + ": no expectation for " + who);
                    continue;
                }
                boolean fresh = rule.changes && expected / 100 == 2;
                Fixture object = fresh ? fixtures.fresh(rule.fixture) : fixtures.shared(rule.fixture);
                Response response = call(rule, who, object);
                int status = response.statusCode();
                if (status != expected) {
                    mismatches.add("%s as %s: expected %d, got %d %s".formatted(rule, who, expected, status,
                            abbreviate(response.asString())));
                } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    mismatches.add("%s as %s: %d without problem+json (%s)".formatted(rule, who, status,
                            response.contentType()));
                }
            }
        }
        return mismatches;
    }

    private Response call(Rule rule, Who who, Fixture object) {
        TestUser user = who.user(object);
        RequestSpecification request;
        if (user == null) {
            request = given().baseUri(fixtures.baseUri(rule.service)).contentType(ContentType.JSON);
        } else {
            request = fixtures.as(user, rule.service);
        }
        if (rule.body != null) {
            request = request.body(rule.body.apply(object));
        }
        return request.request(rule.method, rule.concretePath(object));
    }

    private static String abbreviate(String body) {
        String masked = body.replaceAll("[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]", "<hetu>");
        return masked.length() > 300 ? masked.substring(0, 300) + "…" : masked;
    }

    public static String service(Rule rule) {
        return rule.service;
    }

    public static String fixture(Rule rule) {
        return rule.fixture;
    }

    public static String note(Rule rule) {
        return rule.note;
    }

    public static String expected(Rule rule, Who who) {
        Integer status = rule.expected.get(who);
        return status == null ? "?" : String.valueOf(status);
    }
}
