package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matcher;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Shared steps of referral scenarios: who calls, the requests of the main flow, and consent-service's
 * decisions published as its outbox relay would.
 */
final class Scenario {

    static final String CONSENT_SERVICE = "/yhdyspinta/consent-service";
    static final List<String> BOTH = List.of("NEED_SUMMARY", "CONTACT_DETAILS");

    /** A need recorded by {@code sender}, and its referral, for the client {@code clientId}. */
    record Need(String needId, String referralId, String clientId, TestUser sender, String receiver) {
    }

    private Scenario() {
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** A need for the target; its sector comes from the organisation registry. */
    static Map<String, Object> need(String hetu, String targetOrganisation) {
        return Map.of("client", hetu, "category", "MENTAL_HEALTH", "targetOrganisation", targetOrganisation,
                "urgency", "ROUTINE");
    }

    static Map<String, Object> need(String hetu, String targetOrganisation, String targetSector) {
        Map<String, Object> body = new HashMap<>(need(hetu, targetOrganisation));
        body.put("targetSector", targetSector);
        return body;
    }

    /** The nurse of Kittilän terveyskeskus records a need for Kittilän sosiaalipalvelut. */
    static ValidatableResponse nurseIdentifiesNeed(String hetu) {
        return as(TestUsers.NURSE).body(need(hetu, TestUsers.SOCIAL_SERVICES)).post("/needs").then();
    }

    static Need needAwaitingConsent(String hetu) {
        return needAwaitingConsent(TestUsers.NURSE, hetu, TestUsers.SOCIAL_SERVICES);
    }

    static Need needAwaitingConsent(TestUser sender, String hetu, String receiver) {
        return needAwaitingConsent(sender, need(hetu, receiver), receiver);
    }

    static Need needAwaitingConsent(TestUser sender, Map<String, Object> body, String receiver) {
        var created = as(sender).body(body).post("/needs").then().statusCode(201).extract();
        String referralId = created.path("referralId");
        String clientId = as(sender).get("/referrals/" + referralId).then().statusCode(200).extract().path("clientId");
        return new Need(created.path("id"), referralId, clientId, sender, receiver);
    }

    static ConsentGranted grant(Need n, List<String> categories, UUID consentId) {
        return new ConsentGranted(UUID.randomUUID().toString(), consentId == null ? null : consentId.toString(),
                n.needId(), n.clientId(), n.receiver(), "REFERRAL", categories, consentId == null ? "SHL_35_INCAPABLE"
                        : "CONSENT", LocalDate.now().plusYears(1));
    }

    /** consent-service permits the need for these categories on a consent; waits until the referral is SENT. */
    static ConsentGranted grantAndAwaitSent(Need n, List<String> categories, UUID consentId) {
        ConsentGranted grant = grant(n, categories, consentId);
        TestEvents.publish(EventType.CONSENT_GRANTED, n.clientId(), grant, CONSENT_SERVICE);
        awaitSenderSees(n, "status", equalTo("SENT"));
        return grant;
    }

    static ConsentDenied denial(Need n, String reason) {
        return new ConsentDenied(UUID.randomUUID().toString(), n.needId(), n.clientId(),
                n.sender().org(), n.receiver(), "REFERRAL", reason);
    }

    static void deny(Need n, String reason) {
        TestEvents.publish(EventType.CONSENT_DENIED, n.clientId(), denial(n, reason), CONSENT_SERVICE);
    }

    static void revoke(Need n, UUID consentId) {
        TestEvents.publish(EventType.CONSENT_REVOKED, n.clientId(), new ConsentRevoked(consentId.toString(),
                n.clientId(), "REFERRAL", OffsetDateTime.now()), CONSENT_SERVICE);
    }

    /** Waits until the sender's view of the referral shows what the consent event did. */
    static void awaitSenderSees(Need n, String path, Matcher<?> matcher) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(n.sender())
                .get("/referrals/" + n.referralId()).then().statusCode(200).body(path, matcher));
    }
}
