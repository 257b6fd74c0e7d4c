package fi.yhdyspinta.referral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.referral.config.ReferralDeadlines;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Answer deadlines (no referral is left lying: SHL 40 §, no pompottelu). Every
 * {@code yhdyspinta.referrals.deadline-check}: an unanswered referral (SENT, RECEIVED) past its {@code dueAt} is
 * marked overdue once ({@code referral-overdue}: both organisations' unit leads hear of it); one still unanswered
 * {@code yhdyspinta.referrals.expiry-grace} after its deadline becomes EXPIRED ({@code referral-expired}: the
 * sender may re-route it). Each referral changes in its own transaction, re-checked there; two instances or two
 * runs racing on one referral meet its {@code @Version}, and the loser leaves it to the winner. Times come from
 * the injected {@link Clock}.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    private static final int BATCH = 100;

    private final ReferralRepository referrals;
    private final ReferralService service;
    private final ReferralDeadlines deadlines;
    private final Clock clock;

    public DeadlineWatch(ReferralRepository referrals, ReferralService service, ReferralDeadlines deadlines,
            Clock clock) {
        this.referrals = referrals;
        this.service = service;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Scheduled(every = "${yhdyspinta.referrals.deadline-check:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("referral deadline check will retry: %s", e.getClass().getSimpleName());
                    return Uni.createFrom().item(0);
                })
                .replaceWithVoid();
    }

    /** One pass: overdue first, then expiry. The number of referrals changed. */
    public Uni<Integer> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withSession(() -> referrals.findNewlyOverdue(now, BATCH))
                .map(DeadlineWatch::ids)
                .chain(ids -> each(ids, this::overdue))
                .chain(overdue -> Panache.withSession(() -> referrals.findExpiring(now.minus(deadlines.grace()), BATCH))
                        .map(DeadlineWatch::ids)
                        .chain(ids -> each(ids, this::expire))
                        .map(expired -> {
                            if (overdue + expired > 0) {
                                LOG.infof("referral deadlines: %d overdue, %d expired", overdue, expired);
                            }
                            return overdue + expired;
                        }));
    }

    private Uni<Boolean> overdue(UUID id) {
        return Panache.withTransaction(() -> referrals.findById(id).chain(r -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (r == null || !ReferralLifecycle.isUnanswered(r.status) || r.overdueAt != null || r.dueAt == null
                    || !r.dueAt.isBefore(now)) {
                return Uni.createFrom().item(false);
            }
            return service.markOverdue(r, Causation.fromRequest(null)).replaceWith(true);
        }));
    }

    private Uni<Boolean> expire(UUID id) {
        return Panache.withTransaction(() -> referrals.findById(id).chain(r -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (r == null || !ReferralLifecycle.isUnanswered(r.status) || r.dueAt == null
                    || !r.dueAt.plus(deadlines.grace()).isBefore(now)) {
                return Uni.createFrom().item(false);
            }
            return service.move(r, ReferralStatus.EXPIRED, Causation.fromRequest(null), () -> {
            }).replaceWith(true);
        }));
    }

    private static Uni<Integer> each(List<UUID> ids, java.util.function.Function<UUID, Uni<Boolean>> step) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (UUID id : ids) {
            chain = chain.chain(done -> step.apply(id)
                    .onFailure(DeadlineWatch::lostRace).recoverWithItem(false)
                    .map(changed -> changed ? done + 1 : done));
        }
        return chain;
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static List<UUID> ids(List<Referral> found) {
        return found.stream().map(r -> r.id).toList();
    }
}
