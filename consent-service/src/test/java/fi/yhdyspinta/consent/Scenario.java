package fi.yhdyspinta.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Shared steps of consent scenarios: who calls, a fresh client for each scenario (so scenarios never
 * see each other's consents), needs published as referral-service would, and events read from Kafka.
 */
final class Scenario {

    static final String REFERRAL_SERVICE = "/yhdyspinta/referral-service";
    static final String PROBLEM = "application/problem+json";
    static final String FORBIDDEN = "https://yhdyspinta.fi/problems/forbidden";
    static final String JUSTIFICATION = "Lapsen etu vaatii ilmoituksen";
    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private Scenario() {
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** A fresh valid test henkilötunnus (individual number 900–999), computed, not guessed. */
    static String newHetu() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 75));
        int individual = 900 + random.nextInt(100);
        String date = "%02d%02d%02d".formatted(birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        char century = birth.getYear() >= 2000 ? 'A' : '-';
        long number = Long.parseLong(date + individual);
        String hetu = date + century + individual + CHECK_CHARACTERS.charAt((int) (number % 31));
        assertThat(Henkilotunnus.isValid(hetu)).isTrue();
        return hetu;
    }

    /** The client themself, signed in with their henkilötunnus. */
    static TestUser client(String hetu) {
        return new TestUser("client-" + hetu.hashCode(), null, null, Set.of("client"), hetu);
    }

    static String clientIdOf(String hetu) {
        String key = ConfigProvider.getConfig().getValue("yhdyspinta.client-id.county-key", String.class);
        return new ClientIdPseudonymiser(key).clientIdOf(Henkilotunnus.parse(hetu)).value();
    }

    /** A consent of the client to the recipients for the purpose, valid for a year. */
    static Map<String, Object> consent(String hetu, String purpose, List<String> recipients,
            List<String> dataCategories) {
        Map<String, Object> body = new HashMap<>();
        body.put("client", hetu);
        body.put("purpose", purpose);
        body.put("recipients", recipients);
        body.put("dataCategories", dataCategories);
        body.put("validUntil", LocalDate.now().plusYears(1).toString());
        body.put("form", "ORAL");
        return body;
    }

    /** The usual consent: a referral to Kittilän sosiaalipalvelut with the need summary and contact details. */
    static Map<String, Object> referralConsent(String hetu) {
        return consent(hetu, "REFERRAL", List.of(TestUsers.SOCIAL_SERVICES), List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
    }

    /** The health centre's nurse identified a need that Kittilän sosiaalipalvelut should meet. */
    static NeedIdentified needForSocialServices(String clientId) {
        return new NeedIdentified(UUID.randomUUID().toString(), UUID.randomUUID().toString(), clientId,
                "MENTAL_HEALTH", TestUsers.HEALTH_CENTRE, "HEALTH", "SOCIAL", TestUsers.SOCIAL_SERVICES, "ROUTINE",
                "REFERRAL", List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
    }

    /** A need identified by {@code source} for {@code target}, with the sectors the event claims. */
    static NeedIdentified need(String clientId, String source, String sourceSector, String target,
            String targetSector, String purpose) {
        return new NeedIdentified(UUID.randomUUID().toString(), UUID.randomUUID().toString(), clientId,
                "MENTAL_HEALTH", source, sourceSector, targetSector, target, "ROUTINE", purpose,
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
    }

    /** {@code POST /consent-decisions}: may the caller's organisation give these data to the recipient? */
    static Map<String, Object> decision(String hetu, String recipient, String purpose, List<String> dataCategories) {
        Map<String, Object> body = new HashMap<>();
        body.put("client", hetu);
        body.put("recipientOrganisation", recipient);
        body.put("purpose", purpose);
        body.put("dataCategories", dataCategories);
        return body;
    }

    /** The same, claiming a statutory basis with a justification. */
    static Map<String, Object> statutoryDecision(String hetu, String recipient, String purpose,
            List<String> dataCategories, String basis) {
        Map<String, Object> body = decision(hetu, recipient, purpose, dataCategories);
        body.put("statutoryBasis", basis);
        body.put("justification", JUSTIFICATION);
        return body;
    }

    /** The client's own prohibition from a register ({@code POST /me/prohibitions}); returns its id. */
    static String clientProhibits(String hetu, String register) {
        return as(client(hetu)).body(Map.of("register", register)).post("/me/prohibitions").then()
                .statusCode(201).extract().path("id");
    }

    /**
     * The consent decisions about the client (the disclosure log, luovutusloki), newest first, read from the
     * service's database as an auditor would: decisionId, needId, requesting and recipient organisation, purpose,
     * outcome, basis, statutory, reason. (The client sees them in {@code /me/access-log} as DECIDE records, within
     * seconds: see TheClientSeesWhoAccessedTheirData.)
     */
    static List<Map<String, Object>> decisions(String hetu) {
        List<Map<String, Object>> decisions = new java.util.ArrayList<>();
        try (java.sql.Connection db = ConsentDatabase.connect();
                java.sql.PreparedStatement query = db.prepareStatement("select id, need_id, requesting_organisation, "
                        + "recipient_organisation, purpose, outcome, basis, reason from consent_decision "
                        + "where client_id = ? order by decided_at desc")) {
            query.setString(1, clientIdOf(hetu));
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> decision = new HashMap<>();
                    decision.put("decisionId", rows.getString(1));
                    decision.put("needId", rows.getString(2));
                    decision.put("requestingOrganisation", rows.getString(3));
                    decision.put("recipientOrganisation", rows.getString(4));
                    decision.put("purpose", rows.getString(5));
                    decision.put("outcome", rows.getString(6));
                    decision.put("basis", rows.getString(7));
                    decision.put("statutory", "PERMIT_STATUTORY".equals(rows.getString(6)));
                    decision.put("reason", rows.getString(8));
                    decisions.add(decision);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return decisions;
    }

    /**
     * The client's access log entry that matches, once it has arrived (the records travel through the audit topic:
     * within seconds); the raw answer is checked for the henkilötunnus and account ids on the way.
     */
    static Map<String, Object> awaitAccessLogEntry(String hetu, Predicate<Map<String, Object>> entry) {
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    String body = as(client(hetu)).get("/me/access-log?limit=200").then().statusCode(200)
                            .extract().asString();
                    assertThat(body).doesNotContain(hetu).doesNotContain("\"actorSub\"");
                    List<Map<String, Object>> entries = io.restassured.path.json.JsonPath.from(body).getList("entries");
                    entries.stream().filter(entry).findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    /** Publishes need-identified as referral-service would. */
    static CloudEvent publishNeed(NeedIdentified need) {
        return TestEvents.publish(EventType.NEED_IDENTIFIED, need.clientId(), need, REFERRAL_SERVICE);
    }

    static String bootstrap() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }

    /**
     * Every event of the type (its family topic carries other types too) whose payload matches, after
     * reading until one does (or 30 s pass).
     */
    static List<ConsumerRecord<String, String>> awaitEvents(EventType type, Predicate<JsonNode> payload) {
        Predicate<ConsumerRecord<String, String>> matches = r -> payload.test(TestEvents.tree(r.value()).path("data"));
        return TestEvents.read(type, records -> records.stream().anyMatch(matches), Duration.ofSeconds(30))
                .stream().filter(matches).toList();
    }

    /** The one event of this type whose payload matches; checks its contract and that it carries no henkilötunnus. */
    static JsonNode awaitEvent(EventType type, Predicate<JsonNode> payload, String hetu) {
        List<ConsumerRecord<String, String>> found = awaitEvents(type, payload);
        assertThat(found).as("%s event", type.topic()).hasSize(1);
        ConsumerRecord<String, String> record = found.get(0);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("type").asText()).isEqualTo(type.type());
        assertThat(event.path("source").asText()).isEqualTo("/yhdyspinta/consent-service");
        assertThat(record.key()).isEqualTo(event.path("subject").asText()).isEqualTo(clientIdOf(hetu));
        assertThat(record.value()).doesNotContain(hetu).doesNotContain(hetu.substring(0, 6));
        return event.path("data");
    }

    /**
     * The payloads of every event of the type read until one matching {@code marker} arrives: recorded
     * after the marker's cause, anything earlier of the same client (same key, same partition, one
     * relay in order) has arrived by then. For proving that something was <em>not</em> announced.
     */
    static List<JsonNode> eventsUntil(EventType type, Predicate<JsonNode> marker) {
        Predicate<ConsumerRecord<String, String>> isMarker = r -> marker.test(TestEvents.tree(r.value()).path("data"));
        List<ConsumerRecord<String, String>> records = TestEvents.read(type,
                read -> read.stream().anyMatch(isMarker), Duration.ofSeconds(30));
        assertThat(records).as("marker on %s", type.topic()).anyMatch(isMarker);
        return records.stream().map(r -> TestEvents.tree(r.value()).path("data")).toList();
    }

    static Predicate<JsonNode> forNeed(String needId) {
        return data -> needId.equals(data.path("needId").asText(null));
    }
}
