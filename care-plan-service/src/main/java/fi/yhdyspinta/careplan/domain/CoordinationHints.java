package fi.yhdyspinta.careplan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.events.code.CoordinationHint;
import fi.yhdyspinta.events.code.Sector;

/**
 * When a client's services need coordinating (pure; the thresholds come from {@code yhdyspinta.hints.*}):
 * <ul>
 * <li>{@value #COORDINATED_PLAN}: at least {@code minActiveServices} active services across at least
 * {@code minSectors} sectors and no joint client plan → COORDINATED_PLAN_SUGGESTED (SHL 39 §, 46 §; a small share
 * of clients with many services across sectors carries most of the cost). An active service is an organisation
 * serving the client in an accepted (or started) referral: its receiver, and the sender who referred the client
 * on while serving them — two referrals from the health centre accepted by social care and an NGO are three
 * services in three sectors;</li>
 * <li>{@value #RESPONSIBLE_WORKER}: a plan without a responsible worker → RESPONSIBLE_WORKER_MISSING (SHL 42 §; only
 * an imported plan can be so);</li>
 * <li>{@value #PLAN_REVIEW}: a plan whose review date is more than {@code graceDays} days past → PLAN_REVIEW_OVERDUE.</li>
 * </ul>
 */
public final class CoordinationHints {

    public static final String COORDINATED_PLAN = "coordinated-plan";
    public static final String RESPONSIBLE_WORKER = "responsible-worker";
    public static final String PLAN_REVIEW = "plan-review";

    private final int minActiveServices;
    private final int minSectors;
    private final int reviewGraceDays;

    public CoordinationHints(int minActiveServices, int minSectors, int reviewGraceDays) {
        this.minActiveServices = minActiveServices;
        this.minSectors = minSectors;
        this.reviewGraceDays = reviewGraceDays;
    }

    /** A referral the receiver accepted (or started), with both organisations' sectors where the registry knows them. */
    public record ActiveService(UUID referralId, String senderOrganisation, Sector senderSector,
            String receiverOrganisation, Sector receiverSector) {
    }

    /** What the rules need of a plan. */
    public record PlanFacts(UUID planId, String responsibleOrganisation, boolean hasResponsibleWorker,
            LocalDate reviewDate, Set<String> activeOrganisations) {
    }

    /** A hint that holds, the rule that made it with the thresholds it used, and whom it concerns. */
    public record Hint(CoordinationHint hint, String ruleId, UUID planId, Thresholds thresholds,
            Set<String> organisations) {
    }

    /** The thresholds of the rule; those that do not apply to it are null. */
    public record Thresholds(Integer minActiveServices, Integer minSectors, Integer reviewGraceDays) {
    }

    public List<Hint> evaluate(List<ActiveService> services, List<PlanFacts> plans, LocalDate today) {
        List<Hint> hints = new ArrayList<>();
        coordinatedPlanSuggested(services, plans).ifPresent(hints::add);
        for (PlanFacts plan : plans) {
            if (!plan.hasResponsibleWorker()) {
                hints.add(new Hint(CoordinationHint.RESPONSIBLE_WORKER_MISSING, RESPONSIBLE_WORKER, plan.planId(),
                        new Thresholds(null, null, null), plan.activeOrganisations()));
            }
            if (plan.reviewDate() != null && today.isAfter(plan.reviewDate().plusDays(reviewGraceDays))) {
                hints.add(new Hint(CoordinationHint.PLAN_REVIEW_OVERDUE, PLAN_REVIEW, plan.planId(),
                        new Thresholds(null, null, reviewGraceDays), whomToTell(plan)));
            }
        }
        return hints;
    }

    private java.util.Optional<Hint> coordinatedPlanSuggested(List<ActiveService> services, List<PlanFacts> plans) {
        Set<String> involved = new LinkedHashSet<>();
        Set<Sector> sectors = new java.util.HashSet<>();
        for (ActiveService service : services) {
            involved.add(service.senderOrganisation());
            involved.add(service.receiverOrganisation());
            if (service.senderSector() != null) {
                sectors.add(service.senderSector());
            }
            if (service.receiverSector() != null) {
                sectors.add(service.receiverSector());
            }
        }
        if (!plans.isEmpty() || involved.size() < minActiveServices || sectors.size() < minSectors) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Hint(CoordinationHint.COORDINATED_PLAN_SUGGESTED, COORDINATED_PLAN, null,
                new Thresholds(minActiveServices, minSectors, null), involved));
    }

    /** The responsible organisation is told; a plan without one tells every active participant. */
    private static Set<String> whomToTell(PlanFacts plan) {
        return plan.responsibleOrganisation() != null ? Set.of(plan.responsibleOrganisation())
                : plan.activeOrganisations();
    }
}
