package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * SSRF guard: only https to public addresses, or http to loopback (allowed in tests). Private, link-local and
 * unique-local addresses, other schemes and user info are refused on subscribe naming the field {@code url}; a name
 * that resolves to a private address is refused on subscribe, and at delivery when it resolves there only later.
 */
@NotificationServiceTest
class WebhookTargetsAreGuardedAgainstSsrf {

    private static final Webhooks.Organisation TYOLLISYYS = Webhooks.Organisation.of("1.2.246.10.2345678.50.8");

    @ParameterizedTest
    @ValueSource(strings = { "https://10.1.2.3/hook", "https://172.16.5.4/hook", "https://172.31.255.1/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook",
            "https://[fe80::1]/hook", "https://0.0.0.0/hook", "https://100.64.0.1/hook", "https://[::ffff:10.0.0.1]/hook",
            "http://203.0.113.10/hook", "http://kirjaamo.example.fi/hook", "ftp://127.0.0.1/hook",
            "file:///etc/passwd", "gopher://127.0.0.1:70/", "https://user:pw@kirjaamo.example.fi/hook",
            "https://999.1.1.1/hook", "/relative/hook", "https://internal.kirjaamo.test/hook" })
    void refusedTargetsAreNamedByField(String url) {
        TestDns.point("internal.kirjaamo.test", "192.168.77.7");
        as(TYOLLISYYS.lead()).body(Map.of("url", url, "eventTypes", List.of(Webhooks.REFERRAL_SENT)))
                .post("/webhooks").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("url"));
    }

    @Test
    void aNameThatLaterResolvesToAPrivateAddressIsRefusedAtDelivery() {
        TestDns.point("rebind.kirjaamo.test", "203.0.113.20");
        Webhooks.subscribe(TYOLLISYYS.lead(), "https://rebind.kirjaamo.test/hook", Webhooks.REFERRAL_SENT);
        TestDns.point("rebind.kirjaamo.test", "10.20.30.40");

        Webhooks.referralTo(TYOLLISYYS.oid(), clientIdOf("010190-900P"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestUsers.OPS)
                .get("/webhooks/deliveries?status=DEAD").then().statusCode(200)
                .body("findAll { it.organisation == '" + TYOLLISYYS.oid() + "' }.failure",
                        hasItem("REFUSED_ADDRESS")));
    }
}
