package fi.yhdyspinta.notification;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shared steps: who calls, events as the other services publish them, and waiting for the inbox. */
final class Scenario {

    static final String REFERRAL_SERVICE = "/yhdyspinta/referral-service";
    static final String CONSENT_SERVICE = "/yhdyspinta/consent-service";
    static final String CARE_PLAN_SERVICE = "/yhdyspinta/care-plan-service";
    /** The county key of the test configuration: the same pseudonyms as the services compute. */
    private static final ClientIdPseudonymiser PSEUDONYMISER = new ClientIdPseudonymiser(
            "local-development-county-key-not-for-production-use");

    private Scenario() {
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    static String clientIdOf(String hetu) {
        return PSEUDONYMISER.clientIdOf(Henkilotunnus.parse(hetu)).value();
    }

    /** A referral step as referral-service announces it. */
    static ReferralStatusChanged referral(String referralId, String clientId, String sender, String receiver,
            String status, String previous) {
        return new ReferralStatusChanged(referralId, UUID.randomUUID().toString(), clientId, sender, receiver,
                "MENTAL_HEALTH", status, previous, UUID.randomUUID().toString(), null, null, null);
    }

    /** The nurse's health centre refers to the social services. */
    static ReferralStatusChanged healthCentreToSocialServices(String referralId, String clientId, String status,
            String previous) {
        return referral(referralId, clientId, TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES, status, previous);
    }

    static CloudEvent publish(EventType type, String clientId, Object payload) {
        String source = switch (type) {
            case CONSENT_REQUESTED, CONSENT_DENIED -> CONSENT_SERVICE;
            case JOINT_ASSESSMENT_REQUESTED, JOINT_ASSESSMENT_OVERDUE -> CARE_PLAN_SERVICE;
            default -> REFERRAL_SERVICE;
        };
        return TestEvents.publish(type, clientId, payload, source);
    }

    static ConsentRequested consentRequested(String needId, String clientId) {
        return new ConsentRequested(needId, clientId, TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES,
                "REFERRAL");
    }

    /** consent-service denied the health centre's need for the social services, for {@code reason}. */
    static ConsentDenied consentDenied(String needId, String clientId, String reason) {
        return new ConsentDenied(UUID.randomUUID().toString(), needId, clientId, TestUsers.HEALTH_CENTRE,
                TestUsers.SOCIAL_SERVICES, "REFERRAL", reason);
    }

    static JointAssessmentChanged jointAssessment(String assessmentId, String clientId, String status) {
        return new JointAssessmentChanged(assessmentId, clientId, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE,
                status, OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The caller organisation's inbox items (as JSON maps). */
    static List<Map<String, Object>> inbox(TestUser user) {
        return as(user).get("/inbox").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Optional<Map<String, Object>> item(TestUser user, String field, String value, String type) {
        return inbox(user).stream()
                .filter(i -> value.equals(i.get(field)) && type.equals(i.get("type")))
                .findFirst();
    }

    /** Waits until the user's inbox shows an item of the type whose {@code field} is {@code value}. */
    static Map<String, Object> awaitItem(TestUser user, String field, String value, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> item(user, field, value, type), Optional::isPresent).orElseThrow();
    }

    /** The first event of the type that matches, read from the start of its family topic. */
    static Optional<ConsumerRecord<String, String>> awaitRecord(EventType type, Predicate<JsonNode> match,
            Duration timeout) {
        return TestEvents.read(type, rs -> rs.stream().anyMatch(r -> matches(r, match)), timeout).stream()
                .filter(r -> matches(r, match)).findFirst();
    }

    private static boolean matches(ConsumerRecord<String, String> record, Predicate<JsonNode> match) {
        try {
            return match.test(TestEvents.tree(record.value()));
        } catch (IllegalStateException notJson) {
            return false;
        }
    }
}
