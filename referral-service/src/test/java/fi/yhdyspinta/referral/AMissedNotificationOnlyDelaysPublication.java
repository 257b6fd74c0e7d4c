package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;

/**
 * The relay's LISTEN connection is cut (as a database restart or a network fault would) just before a
 * commit: nobody may hear that commit's notification, yet its row is published — the connection comes back
 * by itself and the relay catches up, or the safety-net timer finds the row. Nothing waits for ever.
 */
@ReferralServiceTest
class AMissedNotificationOnlyDelaysPublication {

    private static final String LISTEN_ROUNDS = "yhdyspinta_outbox_rounds_total\\{[^}]*trigger=\"listen\"[^}]*\\}";

    @Test
    void aRowCommittedWhileNobodyListensIsPublishedAndTheListenerComesBack() throws Exception {
        double catchUpsBefore = metric(LISTEN_ROUNDS);
        assertThat(cutListeners()).as("LISTEN connections cut").isPositive();

        long position;
        try (Connection db = OutboxTable.database()) {
            db.setAutoCommit(false);
            position = OutboxTable.insert(db, UUID.randomUUID(), EventType.NEED_IDENTIFIED.type(),
                    "outbox-missed-" + UUID.randomUUID().toString().substring(0, 8), "key", "{}");
            OutboxTable.notifyRelays(db);
            db.commit();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(OutboxTable.column(position, "published_at")).isNotNull());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(listeners()).as("LISTEN connection back").isPositive();
            assertThat(metric(LISTEN_ROUNDS)).as("catch-up round after re-LISTEN").isGreaterThan(catchUpsBefore);
        });
    }

    /** Terminates the service's LISTEN connections; answers how many. */
    private static long cutListeners() throws Exception {
        return OutboxTable.count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where datname = 'referral' and query like 'LISTEN %'");
    }

    private static long listeners() throws Exception {
        try (Connection db = OutboxTable.database(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from pg_stat_activity where datname = 'referral' and query like 'LISTEN %'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double metric(String sample) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (?<value>[0-9.eE+-]+)$").matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group("value"));
        }
        return sum;
    }
}
