package fi.yhdyspinta.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of notification delivery. */
@ConfigMapping(prefix = "yhdyspinta.notification")
public interface NotificationConfig {

    /** Items answered by one {@code GET /inbox}. */
    @WithDefault("200")
    int inboxLimit();

    Email email();

    Webhooks webhooks();

    /** Signed webhooks (issue 13, docs/webhooks.md). */
    interface Webhooks {

        /** How often the sender looks for due deliveries (read by its {@code @Scheduled} expression). */
        @WithDefault("1s")
        String pollInterval();

        /** Deliveries taken per sender run (at most one per client and subscription). */
        @WithDefault("50")
        int batch();

        /** Wait before the first retry; doubles per retry, with jitter (half to whole of the nominal wait). */
        @WithDefault("10s")
        Duration initialBackoff();

        /** Longest wait between two tries. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** A delivery still failing this long after it fell due is dead-lettered (status DEAD). */
        @WithDefault("P3D")
        Duration deadAfter();

        /** Longest wait for the receiver to answer one delivery. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long a sender holds a delivery it took; after that another sender may take it over. */
        @WithDefault("2m")
        Duration claimLease();

        /** After a rotation the previous secret still signs (a second signature) this long. */
        @WithDefault("P1D")
        Duration secretOverlap();

        /**
         * Whether {@code http://} to loopback (127.0.0.0/8, ::1, localhost) is a valid target: on in dev and
         * test, off in production (only public {@code https://} targets).
         */
        @WithDefault("false")
        boolean allowLoopback();

        /** Subscriptions one organisation may hold. */
        @WithDefault("20")
        int maxPerOrganisation();

        /** Deliveries answered by one {@code GET /webhooks/deliveries}. */
        @WithDefault("200")
        int listLimit();
    }

    interface Email {

        /** How often the sender looks for due deliveries (read by its {@code @Scheduled} expression). */
        @WithDefault("1s")
        String pollInterval();

        /** Sends per try before an e-mail delivery is given up as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after a failed send; multiplied by the number of sends tried. */
        @WithDefault("30s")
        Duration retryBackoff();

        /** How long a sender holds an attempt it took; after that another sender may take it over. */
        @WithDefault("2m")
        Duration claimLease();

        /** Longest wait for the SMTP server to take one mail. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Attempts taken per scheduler run. */
        @WithDefault("20")
        int batch();
    }
}
