package fi.yhdyspinta.careplan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.careplan.config.HintsConfig;
import fi.yhdyspinta.careplan.repository.CarePlanRepository;
import fi.yhdyspinta.platform.outbox.Causation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * A review date passes without any event: every {@code yhdyspinta.hints.review-check} the plans whose review is
 * overdue and not yet raised get their PLAN_REVIEW_OVERDUE hint (once).
 */
@ApplicationScoped
public class ReviewCheck {

    private static final Logger LOG = Logger.getLogger(ReviewCheck.class);

    private final CarePlanRepository plans;
    private final HintService hints;
    private final Clock clock;
    private final int graceDays;

    public ReviewCheck(CarePlanRepository plans, HintService hints, Clock clock, HintsConfig config) {
        this.plans = plans;
        this.hints = hints;
        this.clock = clock;
        this.graceDays = config.planReview().graceDays();
    }

    @Scheduled(every = "${yhdyspinta.hints.review-check:1h}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(graceDays);
        return Panache.withTransaction(() -> plans.reviewOverdueNotRaised(cutoff, 100).chain(overdue -> {
            Set<String> clients = new LinkedHashSet<>();
            overdue.forEach(plan -> clients.add(plan.clientId));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String client : clients) {
                chain = chain.chain(() -> hints.raiseNew(client, Causation.newChain()));
            }
            return chain;
        })).onFailure().recoverWithUni(e -> {
            LOG.warnf("review check will retry: %s", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }
}
