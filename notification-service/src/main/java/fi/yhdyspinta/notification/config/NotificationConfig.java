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
