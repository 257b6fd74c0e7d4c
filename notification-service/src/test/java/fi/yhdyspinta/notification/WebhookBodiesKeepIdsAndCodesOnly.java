package fi.yhdyspinta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.notification.mapping.WebhookBodies;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;

/**
 * A webhook body copies the event data by shape: UUIDs, organisation OIDs, pseudonyms, UPPER_CASE codes, timestamps,
 * numbers and booleans stay; a name, free text or a henkilötunnus that an event might one day carry is left out.
 */
class WebhookBodiesKeepIdsAndCodesOnly {

    @Test
    void personalDataInAnEventNeverReachesTheBody() {
        String referralId = UUID.randomUUID().toString();
        String clientId = "a".repeat(64);
        ObjectNode data = EventJson.mapper().createObjectNode()
                .put("referralId", referralId)
                .put("clientId", clientId)
                .put("senderOrganisation", "1.2.246.10.2345678.10.1")
                .put("status", "ACCEPTED")
                .put("aggregateVersion", 3)
                .put("deadline", "2026-12-01T10:00:00Z")
                .put("hetu", "131052-9085")
                .put("clientName", "Maija Meikäläinen")
                .put("note", "asiakas soitti, toivoo yhteydenottoa")
                .put("birthDate", "131052");
        data.putArray("organisations").add("1.2.246.10.2345678.20.1").add("Kittilän sosiaalitoimi");
        data.putObject("thresholds").put("referrals", 3).put("comment", "vapaa teksti");
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/yhdyspinta/referral-service",
                EventType.REFERRAL_ACCEPTED, clientId, OffsetDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC),
                null, null, data);

        String body = WebhookBodies.of(event);
        JsonNode tree = TestEvents.tree(body);

        assertThat(tree.path("type").asText()).isEqualTo(EventType.REFERRAL_ACCEPTED.type());
        assertThat(tree.path("id").asText()).isEqualTo(event.id());
        assertThat(tree.path("subject").asText()).isEqualTo(clientId);
        JsonNode kept = tree.path("data");
        assertThat(kept.path("referralId").asText()).isEqualTo(referralId);
        assertThat(kept.path("senderOrganisation").asText()).isEqualTo("1.2.246.10.2345678.10.1");
        assertThat(kept.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(kept.path("aggregateVersion").asInt()).isEqualTo(3);
        assertThat(kept.path("deadline").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(kept.path("organisations")).hasSize(1);
        assertThat(kept.path("thresholds").path("referrals").asInt()).isEqualTo(3);
        assertThat(kept.has("hetu")).isFalse();
        assertThat(kept.has("clientName")).isFalse();
        assertThat(kept.has("note")).isFalse();
        assertThat(kept.has("birthDate")).isFalse();
        assertThat(kept.path("thresholds").has("comment")).isFalse();
        assertThat(body).doesNotContain("Meikäläinen").doesNotContain("Kittilän").doesNotContain("soitti")
                .doesNotContainPattern(PersonalDataScan.henkilotunnusOrBirthDate("131052"));
    }
}
