package fi.yhdyspinta.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Routing by CloudEvents type on a family topic: what a service does not handle is acknowledged and
 * counted, what nobody could handle is poison — decided before the inbox is reached. (That a routed type
 * reaches its handler once is proven on real Kafka and PostgreSQL in the services' tests.)
 */
class EventRoutesTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    /** A service that handles grants and revocations on {@code consents}, as referral-service does. */
    private final EventRoutes routes = new EventRoutes(Topic.CONSENTS, null, metrics, Map.of())
            .on(EventType.CONSENT_GRANTED, ConsentGranted.class, (event, grant) -> Uni.createFrom().voidItem())
            .on(EventType.CONSENT_REVOKED, ConsentRevoked.class, (event, revocation) -> Uni.createFrom().voidItem());

    @Test
    void aTypeOfTheTopicThatTheServiceDoesNotHandleIsAcknowledgedAndCounted() {
        routes.handle(record("fi.yhdyspinta.consent.requested.v1")).await().indefinitely();
        routes.handle(record("fi.yhdyspinta.consent.requested.v1")).await().indefinitely();
        assertThat(count("ignored")).isEqualTo(2.0);
        assertThat(count("poison")).isZero();
    }

    @Test
    void anUnknownTypeIsPoisonAndTheReasonNamesNoValue() {
        assertPoison(record("fi.yhdyspinta.consent.010190-900P.v1"), "unknown event type on topic consents");
        assertPoison(record("fi.yhdyspinta.consent.granted.v2"), "unknown event type on topic consents");
    }

    @Test
    void aTypeOfAnotherFamilyIsPoison() {
        assertPoison(record(EventType.REFERRAL_SENT.type()),
                "event type fi.yhdyspinta.referral.sent.v1 does not travel on topic consents");
    }

    @Test
    void anUnreadableRecordIsPoison() {
        assertPoison(null, "empty record value");
        assertPoison("  ", "empty record value");
        assertPoison("{\"hetu\": \"010190-900P\"", "record value is not JSON");
        assertPoison("{\"hetu\": \"010190-900P\"}", "record has no CloudEvents type");
        assertPoison("{\"type\": 42}", "record has no CloudEvents type");
        assertPoison("[\"010190-900P\"]", "record has no CloudEvents type");
        assertThat(count("ignored")).isZero();
    }

    @Test
    void aRouteIsForATypeOfTheTopicAndOnlyOnce() {
        assertThat(routes.handled()).containsExactlyInAnyOrder(EventType.CONSENT_GRANTED, EventType.CONSENT_REVOKED);
        assertThat(routes.topic()).isEqualTo(Topic.CONSENTS);
        assertThatThrownBy(() -> routes.on(EventType.NEED_IDENTIFIED, Object.class,
                (event, payload) -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs");
        assertThatThrownBy(() -> routes.on(EventType.CONSENT_GRANTED, ConsentGranted.class,
                (event, payload) -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    }

    @Test
    void addingARouteLeavesTheFirstTableAsItWas() {
        EventRoutes none = new EventRoutes(Topic.CONSENTS, null, metrics, Map.of());
        none.on(EventType.CONSENT_DENIED, Object.class, (event, payload) -> Uni.createFrom().voidItem());
        assertThat(none.handled()).isEmpty();
        none.handle(record(EventType.CONSENT_DENIED.type())).await().indefinitely();
        assertThat(count("ignored")).isEqualTo(1.0);
    }

    private void assertPoison(String record, String reason) {
        double before = count("poison");
        assertThatThrownBy(() -> routes.handle(record).await().indefinitely())
                .isInstanceOf(PoisonEventException.class).hasMessage(reason);
        assertThat(count("poison")).isEqualTo(before + 1);
    }

    private double count(String outcome) {
        var counter = metrics.find("yhdyspinta.inbox.events").tags("topic", "consents", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String record(String type) {
        return "{\"specversion\":\"1.0\",\"id\":\"5f1c0e59-5d59-4f39-9d3a-1f2d0e9f7a10\",\"type\":\"" + type
                + "\",\"source\":\"/yhdyspinta/consent-service\",\"data\":{}}";
    }
}
