package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.WebhookDelivery;
import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;
import fi.yhdyspinta.notification.repository.WebhookDeliveryRepository;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The ops view of webhook deliveries (by status; DEAD = dead-lettered) and re-sending a dead one. Ops see and
 * re-send every organisation's; a unit lead the own organisation's only (another's is 404).
 */
@ApplicationScoped
public class WebhookDeliveries {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookMetrics metrics;
    private final ServiceClock clock;
    private final int limit;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookMetrics metrics, NotificationConfig config,
            ServiceClock clock) {
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
        this.limit = config.webhooks().listLimit();
    }

    @WithSession
    public Uni<List<WebhookDelivery>> list(WebhookDeliveryStatus status, Caller caller) {
        return deliveries.inStatus(status, scope(caller), limit);
    }

    /** A DEAD delivery becomes PENDING again, due now, with a fresh dead-letter window. */
    @WithTransaction
    public Uni<WebhookDelivery> resend(UUID id, Caller caller) {
        Optional<String> scope = scope(caller);
        return deliveries.findById(id).map(delivery -> {
            if (delivery == null || scope.isPresent() && !scope.get().equals(delivery.organisation)) {
                throw ProblemException.notFound("webhook delivery");
            }
            if (delivery.status != WebhookDeliveryStatus.DEAD) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                        "only a DEAD delivery can be re-sent; this one is " + delivery.status);
            }
            OffsetDateTime now = clock.now();
            delivery.status = WebhookDeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.dueSince = now;
            delivery.nextAttemptAt = now;
            delivery.claimedUntil = null;
            metrics.count("resent");
            return delivery;
        });
    }

    /** Every organisation for ops; the own organisation for a unit lead. */
    private static Optional<String> scope(Caller caller) {
        return caller.hasRole(Roles.OPS) ? Optional.empty() : Optional.of(caller.requireOrganisation());
    }
}
