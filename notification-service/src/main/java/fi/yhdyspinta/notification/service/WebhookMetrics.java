package fi.yhdyspinta.notification.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code yhdyspinta_webhook_deliveries_total{outcome}} (delivered, retried, dead, resent) and
 * {@code yhdyspinta_webhook_oldest_pending_seconds}: how long the oldest PENDING delivery has been due (0 when none).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("yhdyspinta.webhook.oldest.pending.seconds", oldestPendingSeconds);
    }

    public void count(String outcome) {
        registry.counter("yhdyspinta.webhook.deliveries", "outcome", outcome).increment();
    }

    void oldestPending(Duration age) {
        oldestPendingSeconds.set(Math.max(0, age.toSeconds()));
    }
}
