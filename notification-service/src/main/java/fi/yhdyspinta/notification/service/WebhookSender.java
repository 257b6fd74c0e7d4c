package fi.yhdyspinta.notification.service;

import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.WebhookDelivery;
import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;
import fi.yhdyspinta.notification.domain.WebhookSubscription;
import fi.yhdyspinta.notification.repository.WebhookDeliveryRepository;
import fi.yhdyspinta.notification.repository.WebhookSubscriptionRepository;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.inbox.Backoff;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Sends due webhook deliveries, never inside a database transaction: (1) a short transaction takes the due ones —
 * only the earliest PENDING one per client and subscription, so one client's events arrive in order — under a lease;
 * (2) the targets are resolved and checked again (SSRF guard) and the bodies are POSTed, signed, to the checked
 * addresses, side by side;
 * (3) a second short transaction records the result. A failure is retried with exponential backoff and jitter;
 * one still failing {@code dead-after} after it fell due, or whose target is refused, is dead-lettered (DEAD). A
 * crash between (2) and (3) sends again: at least once (receivers de-duplicate by {@code webhook-id}).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String REFUSED_ADDRESS = "REFUSED_ADDRESS";

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookTargets targets;
    private final WebhookMetrics metrics;
    private final NotificationConfig.Webhooks config;
    private final Backoff backoff;
    private final ServiceClock clock;
    private final HttpClient http;

    public WebhookSender(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            WebhookTargets targets, WebhookMetrics metrics, NotificationConfig config, ServiceClock clock,
            Vertx vertx) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.metrics = metrics;
        this.config = config.webhooks();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff());
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.sendTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false));
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    @Scheduled(every = "${yhdyspinta.notification.webhooks.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliver() {
        return sendDue().onFailure().recoverWithUni(e -> {
            LOG.warnf("webhook sender will retry: %s", e.getClass().getSimpleName());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /** Sends what is due; answers how many deliveries were tried. */
    public Uni<Integer> sendDue() {
        return claimDue().chain(jobs -> {
            if (jobs.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // the requests go out side by side (a slow receiver holds up no other); results are recorded one by one
            List<Uni<Optional<String>>> sends = jobs.stream().map(this::send).toList();
            return Uni.join().all(sends).andFailFast().chain(failures -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (int i = 0; i < jobs.size(); i++) {
                    WebhookJob job = jobs.get(i);
                    Optional<String> failure = failures.get(i);
                    chain = chain.chain(() -> record(job, failure));
                }
                return chain.replaceWith(jobs.size());
            });
        }).call(this::measureOldestPending);
    }

    private Uni<List<WebhookJob>> claimDue() {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> deliveries.lockDue(now, config.batch()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(List.<WebhookJob>of());
            }
            due.forEach(delivery -> {
                delivery.claimedUntil = now.plus(config.claimLease());
                delivery.attempts++;
            });
            List<UUID> ids = due.stream().map(d -> d.subscriptionId).distinct().toList();
            return subscriptions.list("id in ?1", ids).map(found -> {
                Map<UUID, WebhookSubscription> byId = found.stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
                return due.stream().filter(d -> byId.containsKey(d.subscriptionId)).map(d -> {
                    WebhookSubscription subscription = byId.get(d.subscriptionId);
                    return new WebhookJob(d.id, subscription.url, d.body, subscription.signingSecrets(now));
                }).toList();
            });
        }));
    }

    /** Empty when the receiver answered 2xx; else what failed (a status, an exception class, never a message). */
    private Uni<Optional<String>> send(WebhookJob job) {
        return targets.addressedForDelivery(job.url()).chain(address -> {
            if (address.isEmpty()) {
                return Uni.createFrom().item(Optional.of(REFUSED_ADDRESS));
            }
            return post(job, address.get());
        }).onFailure().recoverWithItem(e -> Optional.of(failureOf(e)));
    }

    private Uni<Optional<String>> post(WebhookJob job, InetAddress address) {
        WebhookTargets.Target target = WebhookTargets.parse(job.url()).orElseThrow();
        long timestamp = clock.clock().instant().getEpochSecond();
        String id = job.deliveryId().toString();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(config.sendTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Yhdyspinta-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature",
                        WebhookSecrets.signatureHeader(job.secrets(), id, timestamp, job.body()));
        return http.request(request)
                .chain(outgoing -> outgoing.send(job.body()))
                .chain(response -> response.end().replaceWith(response.statusCode()))
                .ifNoItem().after(config.sendTimeout().plusSeconds(1)).fail()
                .map(status -> status >= 200 && status < 300 ? Optional.<String>empty()
                        : Optional.of("HTTP_" + status));
    }

    private static String failureOf(Throwable e) {
        if (e instanceof WebhookTargets.UnresolvedHostException) {
            return "UNKNOWN_HOST";
        }
        String name = e.getClass().getSimpleName();
        return name.contains("Timeout") ? "TIMEOUT" : name;
    }

    private Uni<Void> record(WebhookJob job, Optional<String> failure) {
        return Panache.withTransaction(() -> deliveries.findById(job.deliveryId())
                .invoke(delivery -> recordResult(delivery, failure))).replaceWithVoid();
    }

    private void recordResult(WebhookDelivery delivery, Optional<String> failure) {
        if (delivery == null || delivery.status != WebhookDeliveryStatus.PENDING) {
            return; // deleted with its subscription meanwhile, or already recorded
        }
        OffsetDateTime now = clock.now();
        delivery.attemptedAt = now;
        delivery.claimedUntil = null;
        if (failure.isEmpty()) {
            delivery.status = WebhookDeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.failure = null;
            metrics.count("delivered");
            return;
        }
        delivery.failure = failure.get();
        if (REFUSED_ADDRESS.equals(delivery.failure) || !now.isBefore(delivery.dueSince.plus(config.deadAfter()))) {
            delivery.status = WebhookDeliveryStatus.DEAD;
            metrics.count("dead");
            LOG.warnf("webhook delivery %s of subscription %s dead-lettered after %d tries: %s", delivery.id,
                    delivery.subscriptionId, delivery.attempts, delivery.failure);
            return;
        }
        Duration wait = backoff.delay(delivery.attempts - 1, ThreadLocalRandom.current().nextDouble());
        delivery.nextAttemptAt = now.plus(wait);
        metrics.count("retried");
        LOG.infof("webhook delivery %s failed (%s); try %d again at %s", delivery.id, delivery.failure,
                delivery.attempts + 1, delivery.nextAttemptAt);
    }

    private Uni<Void> measureOldestPending() {
        return Panache.withSession(() -> deliveries.oldestPendingSince()).invoke(oldest -> metrics.oldestPending(
                oldest.map(since -> Duration.between(since, clock.now())).orElse(Duration.ZERO))).replaceWithVoid();
    }

}
