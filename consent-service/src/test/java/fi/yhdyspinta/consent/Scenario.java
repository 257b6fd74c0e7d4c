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
import fi.yhdyspinta.testsupport.KafkaRecords;
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

    /** Publishes need-identified as referral-service would. */
    static CloudEvent publishNeed(NeedIdentified need) {
        return TestEvents.publish(EventType.NEED_IDENTIFIED, need.clientId(), need, REFERRAL_SERVICE);
    }

    static String bootstrap() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }

    /** Every record of the event's topic whose payload matches, after reading until one does (or 30 s pass). */
    static List<ConsumerRecord<String, String>> awaitEvents(EventType type, Predicate<JsonNode> payload) {
        Predicate<ConsumerRecord<String, String>> matches = r -> payload.test(TestEvents.tree(r.value()).path("data"));
        return KafkaRecords.readUntil(bootstrap(), List.of(type.topic()),
                records -> records.stream().anyMatch(matches), Duration.ofSeconds(30))
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

    static Predicate<JsonNode> forNeed(String needId) {
        return data -> needId.equals(data.path("needId").asText(null));
    }
}
