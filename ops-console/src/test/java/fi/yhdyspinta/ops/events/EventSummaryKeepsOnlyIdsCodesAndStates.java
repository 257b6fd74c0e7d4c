package fi.yhdyspinta.ops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;

/**
 * The stream's view model never carries an event's data: a real CloudEvent with free text and a henkilötunnus in
 * its data yields ids, type, shortened subject and producer only; an envelope attribute that is not id-shaped is
 * hidden.
 */
class EventSummaryKeepsOnlyIdsCodesAndStates {

    private static final ObjectMapper JSON = fi.yhdyspinta.events.EventJson.mapper();
    private static final String HETU = "010190-900P";
    private static final String CLIENT_ID = "3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345";

    @Test
    void theDataWithFreeTextAndAHenkilotunnusNeverReachesTheSummary() throws Exception {
        ObjectNode data = JSON.createObjectNode().put("hetu", HETU).put("freeText", "Asiakas Matti Meikäläinen soitti")
                .put("status", "SENT");
        String id = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String causation = UUID.randomUUID().toString();
        CloudEvent event = CloudEvent.of(id, "/yhdyspinta/referral-service", EventType.REFERRAL_SENT, CLIENT_ID,
                OffsetDateTime.parse("2026-11-25T10:15:30+02:00"), correlation, causation, data);

        EventSummary summary = EventSummaries.of("referrals", 2, 41, JSON.writeValueAsString(event));

        assertThat(summary).isEqualTo(new EventSummary("referrals", 2, 41,
                OffsetDateTime.parse("2026-11-25T10:15:30+02:00"), id, "fi.yhdyspinta.referral.sent.v1",
                "3f9a1c2b7d4e…", correlation, causation, "/yhdyspinta/referral-service"));
        String shown = JSON.writeValueAsString(summary);
        assertThat(shown).doesNotContain(HETU, "010190", "Matti", "soitti", "freeText", "hetu");
    }

    @Test
    void anEnvelopeAttributeThatIsNotAnIdIsHidden() throws Exception {
        String value = """
                {"specversion":"1.0","id":"%s","source":"/yhdyspinta/consent-service","type":"fi.yhdyspinta.consent.granted.v1",
                 "subject":"%s","correlationid":"asiakas Matti Meikäläinen","causationid":"id-%s","data":{"x":1}}"""
                .formatted(UUID.randomUUID(), HETU, "131052-9085");

        EventSummary summary = EventSummaries.of("consents", 0, 7, value);

        assertThat(summary.subject()).as("a henkilötunnus as subject").isEqualTo(EventSummaries.HIDDEN);
        assertThat(summary.correlationId()).as("free text").isEqualTo(EventSummaries.HIDDEN);
        assertThat(summary.causationId()).as("an id carrying a henkilötunnus").isEqualTo(EventSummaries.HIDDEN);
        assertThat(summary.type()).isEqualTo("fi.yhdyspinta.consent.granted.v1");
    }

    @Test
    void aRecordThatIsNoCloudEventYieldsItsPlaceOnly() {
        EventSummary summary = EventSummaries.of("needs", 1, 3, "asiakas " + HETU + " ei JSON");

        assertThat(summary).isEqualTo(new EventSummary("needs", 1, 3, null, null, null, null, null, null, null));
    }

    @Test
    void aStringDataIsNotReadEither() throws Exception {
        String value = """
                {"type":"fi.yhdyspinta.need.identified.v1","data":"%s","subject":"%s"}""".formatted(HETU, CLIENT_ID);

        assertThat(JSON.writeValueAsString(EventSummaries.of("needs", 0, 0, value))).doesNotContain(HETU);
    }
}
