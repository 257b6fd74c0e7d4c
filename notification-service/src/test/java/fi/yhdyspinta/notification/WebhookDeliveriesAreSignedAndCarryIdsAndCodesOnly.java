package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.notification.WebhookReceiver.Received;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;

/**
 * A delivery follows Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256 of
 * id.timestamp.body with the subscription's secret) and its body carries the event's type, id, pseudonymous subject,
 * time and the data's ids and codes: never a henkilötunnus.
 */
@NotificationServiceTest
class WebhookDeliveriesAreSignedAndCarryIdsAndCodesOnly {

    private static final String HETU = "131052-9085";
    private static final Webhooks.Organisation KIRJAAMO = Webhooks.Organisation.of("1.2.246.10.2345678.50.1");

    @Test
    void theReceiverVerifiesTheSignatureAndFindsNothingPersonal() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Webhooks.Subscription subscription = Webhooks.subscribe(KIRJAAMO.lead(), receiver.url(),
                    Webhooks.REFERRAL_SENT);
            assertThat(subscription.secret()).startsWith("whsec_");

            String clientId = clientIdOf(HETU);
            String referralId = Webhooks.referralTo(KIRJAAMO.oid(), clientId);
            Received delivery = Webhooks.awaitReceived(receiver, r -> !r.isEmpty()).get(0);

            assertThat(delivery.id()).isNotBlank();
            assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(300L));
            assertThat(WebhookReceiver.signedWith(delivery, subscription.secret())).isTrue();
            assertThat(WebhookReceiver.signedWith(delivery, "whsec_" + "A".repeat(44))).isFalse();

            JsonNode body = TestEvents.tree(delivery.body());
            assertThat(body.path("type").asText()).isEqualTo(Webhooks.REFERRAL_SENT);
            assertThat(body.path("subject").asText()).isEqualTo(clientId);
            assertThat(body.path("id").asText()).isNotBlank();
            assertThat(body.path("time").asText()).isNotBlank();
            assertThat(body.path("data").path("referralId").asText()).isEqualTo(referralId);
            assertThat(body.path("data").path("status").asText()).isEqualTo("SENT");
            assertThat(body.path("data").path("receiverOrganisation").asText()).isEqualTo(KIRJAAMO.oid());
            assertThat(delivery.body()).doesNotContain(HETU)
                    .doesNotContainPattern(PersonalDataScan.henkilotunnusOrBirthDate("131052"));

            // the secret is shown once: the list never answers it
            as(KIRJAAMO.lead()).get("/webhooks").then().statusCode(200)
                    .body("id", contains(subscription.id()))
                    .body("[0]", not(hasKey("secret")))
                    .body("[0].eventTypes", contains(Webhooks.REFERRAL_SENT))
                    .body("$", hasSize(1));
            as(KIRJAAMO.lead()).get("/webhooks/deliveries?status=DELIVERED").then().statusCode(200)
                    .body("eventId", contains(body.path("id").asText()))
                    .body("[0]", not(hasKey("body")));
            assertThat(List.of(receiver.received().size())).containsExactly(1);
        }
    }
}
