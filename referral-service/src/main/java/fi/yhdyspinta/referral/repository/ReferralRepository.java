package fi.yhdyspinta.referral.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.referral.domain.Referral;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Uni<Referral> findByNeed(UUID needId) {
        return find("needId", needId).firstResult();
    }

    public Uni<List<Referral>> findOpenOnConsent(UUID consentId, List<ReferralStatus> openStatuses) {
        return list("consentId = :consent and status in :statuses",
                Parameters.with("consent", consentId).and("statuses", openStatuses));
    }

    /**
     * Referrals an organisation sent, or received with a permit (a referral that never had one does
     * not exist for its receiver), newest first, optionally in one status.
     */
    public Uni<List<Referral>> findFor(String organisation, boolean sent, ReferralStatus status, int limit) {
        Parameters params = Parameters.with("org", organisation);
        String query = sent ? "senderOrganisation = :org"
                : "receiverOrganisation = :org and permittedDataCategories is not null";
        if (status != null) {
            query += " and status = :status";
            params = params.and("status", status);
        }
        return find(query, Sort.descending("createdAt"), params).page(0, limit).list();
    }

    /** One page of {@link ReferralListQuery}: at most {@code limit + 1} rows (the extra one says there is more). */
    public Uni<List<Referral>> page(ReferralListQuery q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("org", q.organisation());
        where.add(q.sent() ? "senderOrganisation = :org"
                : "receiverOrganisation = :org and permittedDataCategories is not null");
        if (q.status() != null) {
            where.add("status = :status");
            params.put("status", q.status());
        }
        if (q.urgency() != null) {
            where.add("urgency = :urgency");
            params.put("urgency", q.urgency());
        }
        if (q.category() != null) {
            where.add("category = :category");
            params.put("category", q.category());
        }
        if (q.overdue() != null) {
            String overdue = "(status in :unanswered and dueAt < :now)";
            where.add(q.overdue() ? overdue : "not " + overdue);
            params.put("unanswered", List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED));
            params.put("now", q.now());
        }
        ReferralSort sort = q.sort();
        String key = sort.expression();
        if (key.contains(":noDeadline")) {
            params.put("noDeadline", ReferralSort.NO_DEADLINE);
        }
        if (q.after() != null) {
            String beyond = sort.ascending() ? ">" : "<";
            where.add("(" + key + " " + beyond + " :afterKey or (" + key + " = :afterKey and id " + beyond
                    + " :afterId))");
            params.put("afterKey", q.after().key());
            params.put("afterId", q.after().id());
        }
        String direction = sort.ascending() ? " asc" : " desc";
        return find("from Referral where " + String.join(" and ", where) + " order by " + key + direction + ", id"
                + direction, params).range(0, q.limit()).list();
    }

    /** Unanswered referrals (SENT, RECEIVED) past their deadline, not yet escalated as overdue. */
    public Uni<List<Referral>> findNewlyOverdue(OffsetDateTime now, int limit) {
        return find("status in :unanswered and dueAt < :now and overdueAt is null", Sort.ascending("dueAt"),
                Parameters.with("unanswered", List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED)).and("now", now))
                .page(0, limit).list();
    }

    /** Unanswered referrals whose deadline passed before {@code dueBefore} (now minus the grace). */
    public Uni<List<Referral>> findExpiring(OffsetDateTime dueBefore, int limit) {
        return find("status in :unanswered and dueAt < :dueBefore", Sort.ascending("dueAt"),
                Parameters.with("unanswered", List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED))
                        .and("dueBefore", dueBefore))
                .page(0, limit).list();
    }
}
