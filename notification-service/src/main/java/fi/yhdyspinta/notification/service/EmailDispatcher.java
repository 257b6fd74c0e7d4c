package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.NotificationChannel;
import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.DeliveryAttempt;
import fi.yhdyspinta.notification.domain.DeliveryStatus;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.mapping.NotificationEvents;
import fi.yhdyspinta.notification.repository.DeliveryAttemptRepository;
import fi.yhdyspinta.notification.repository.NotificationRepository;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends pending e-mail deliveries, never inside a database transaction: (1) a short transaction takes
 * the due attempts (a lease, so a crashed sender's attempts come back), (2) the mail goes out, (3) a
 * second short transaction records the result with its {@code notification-delivered} /
 * {@code notification-failed} event in the outbox. A crash between (2) and (3) sends the mail again:
 * at least once, never silently lost.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final DeliveryAttemptRepository deliveries;
    private final NotificationRepository notifications;
    private final ReactiveMailer mailer;
    private final Outbox outbox;
    private final NotificationConfig.Email config;
    private final ServiceClock clock;

    public EmailDispatcher(DeliveryAttemptRepository deliveries, NotificationRepository notifications,
            ReactiveMailer mailer, Outbox outbox, NotificationConfig config, ServiceClock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config.email();
        this.clock = clock;
    }

    @Scheduled(every = "${yhdyspinta.notification.email.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return sendDue().onFailure().recoverWithUni(e -> {
            LOG.warnf("e-mail sender will retry: %s", e.getClass().getSimpleName());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /** Sends what is due; answers how many mails were tried. */
    public Uni<Integer> sendDue() {
        return claimDue().chain(jobs -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (EmailJob job : jobs) {
                chain = chain.chain(() -> send(job).chain(failure -> record(job, failure)));
            }
            return chain.replaceWith(jobs.size());
        });
    }

    private Uni<List<EmailJob>> claimDue() {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> deliveries.lockDue(now, config.batch()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(List.<EmailJob>of());
            }
            due.forEach(attempt -> {
                attempt.claimedUntil = now.plus(config.claimLease());
                attempt.attempts++;
            });
            List<UUID> ids = due.stream().map(a -> a.notificationId).distinct().toList();
            return notifications.list("id in ?1", ids).map(items -> {
                Map<UUID, Notification> byId = items.stream()
                        .collect(Collectors.toMap(n -> n.id, Function.identity()));
                return due.stream()
                        .map(a -> new EmailJob(a.id, a.notificationId, byId.get(a.notificationId).type, a.address))
                        .toList();
            });
        }));
    }

    /** Empty when the SMTP server took the mail; else what failed (the exception class, never its message). */
    private Uni<Optional<String>> send(EmailJob job) {
        return mailer.send(NotificationMail.alert(job))
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(sent -> Optional.<String>empty())
                .onFailure().recoverWithItem(e -> Optional.of(e.getClass().getSimpleName()));
    }

    private Uni<Void> record(EmailJob job, Optional<String> failure) {
        return Panache.withTransaction(() -> deliveries.findById(job.attemptId())
                .chain(attempt -> notifications.findById(job.notificationId())
                        .chain(item -> recordResult(attempt, item, failure))));
    }

    private Uni<Void> recordResult(DeliveryAttempt attempt, Notification item, Optional<String> failure) {
        if (attempt.status != DeliveryStatus.PENDING) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = clock.now();
        attempt.attemptedAt = now;
        attempt.claimedUntil = null;
        if (failure.isEmpty()) {
            attempt.status = DeliveryStatus.DELIVERED;
            attempt.failure = null;
            return emit(EventType.NOTIFICATION_DELIVERED, item);
        }
        attempt.failure = failure.get();
        if (attempt.attempts >= config.maxAttempts()) {
            attempt.status = DeliveryStatus.FAILED;
            LOG.warnf("e-mail for notification %s failed for good after %d sends: %s", item.id, attempt.attempts,
                    attempt.failure);
            return emit(EventType.NOTIFICATION_FAILED, item);
        }
        attempt.nextAttemptAt = now.plus(config.retryBackoff().multipliedBy(attempt.attempts));
        LOG.infof("e-mail for notification %s failed (%s); send %d of %d at %s", item.id, attempt.failure,
                attempt.attempts, config.maxAttempts(), attempt.nextAttemptAt);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> emit(EventType type, Notification item) {
        return outbox.record(type, NotificationEvents.clientIdOf(item),
                NotificationEvents.delivery(item, NotificationChannel.EMAIL), NotificationEvents.causationOf(item))
                .replaceWithVoid();
    }
}
