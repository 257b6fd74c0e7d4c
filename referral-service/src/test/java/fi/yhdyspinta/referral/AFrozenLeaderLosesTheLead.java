package fi.yhdyspinta.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.outbox.OutboxPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Another instance takes the outbox relay's lead and then freezes (a stopped process, a cut-off network): it runs no
 * more rounds, but its connection stays open and holds the lock. Meanwhile committed rows wait — the application's
 * relay finds the lead taken — until the database ends the frozen instance's idle connection
 * ({@code yhdyspinta.outbox.abandoned-lead}, here 2 s); then the application's relay leads and publishes them
 * (D46). No instance can stop the others' publishing for good.
 */
@ReferralServiceTest
class AFrozenLeaderLosesTheLead {

    private static final Duration ABANDONED_LEAD = Duration.ofSeconds(2);

    @Inject
    Vertx vertx;

    @Test
    void rowsWaitWhileTheFrozenInstanceLeadsAndArePublishedOnceTheDatabaseEndsItsConnection() throws Exception {
        OutboxPublisher frozen = OutboxTable.anotherInstance(row -> Uni.createFrom().voidItem(), vertx, ABANDONED_LEAD);
        try {
            // it takes the lead from the application's relay (whose connection goes, as when an instance dies)
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                OutboxTable.terminateRelayConnections();
                round(frozen);
                return frozen.leading();
            });
            // ... and freezes: no more rounds from it. A row is committed and the relays are woken.
            long position;
            try (Connection db = OutboxTable.database()) {
                db.setAutoCommit(false);
                position = OutboxTable.insert(db, UUID.randomUUID(), EventType.NEED_IDENTIFIED.type(), "needs",
                        "client-frozen-" + UUID.randomUUID(), "{}");
                OutboxTable.notifyRelays(db);
                db.commit();
            }
            Thread.sleep(ABANDONED_LEAD.toMillis() / 2);
            assertThat(OutboxTable.column(position, "published_at")).as("published while the frozen instance leads")
                    .isNull();

            // the database ends the frozen leader's idle connection; the application's relay takes over (its timer
            // runs every 5 s in tests, and the catch-up needs no new commit)
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(OutboxTable.column(position, "published_at"))
                            .as("published after the frozen leader's connection ended").isNotNull());
            assertThat(frozen.leading()).as("the frozen instance still leads").isFalse();
        } finally {
            frozen.close();
        }
    }

    private void round(OutboxPublisher instance) throws Exception {
        try {
            Background.run(vertx, instance::publishPending).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException roundFailed) {
            // its connection was terminated by the loop above: the next round connects again
        }
    }
}
