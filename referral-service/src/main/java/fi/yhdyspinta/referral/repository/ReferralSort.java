package fi.yhdyspinta.referral.repository;

import java.time.OffsetDateTime;

import fi.yhdyspinta.referral.domain.Referral;

/**
 * The orders a referral list pages in, always with the id as tie-breaker: {@code createdAt}, {@code -createdAt}
 * (newest first, the default) and {@code dueAt} (soonest deadline first; referrals without one — still awaiting
 * consent, or answered before this version — last).
 */
public enum ReferralSort {
    CREATED_AT("createdAt", "createdAt", true),
    CREATED_AT_DESC("-createdAt", "createdAt", false),
    DUE_AT("dueAt", "coalesce(dueAt, :noDeadline)", true);

    /** Stands for "no deadline" in the dueAt order: after every real one. */
    public static final OffsetDateTime NO_DEADLINE = OffsetDateTime.parse("9999-12-31T00:00:00Z");

    private final String code;
    private final String expression;
    private final boolean ascending;

    ReferralSort(String code, String expression, boolean ascending) {
        this.code = code;
        this.expression = expression;
        this.ascending = ascending;
    }

    public String code() {
        return code;
    }

    String expression() {
        return expression;
    }

    boolean ascending() {
        return ascending;
    }

    /** The referral's key in this order. */
    public OffsetDateTime keyOf(Referral r) {
        return this == DUE_AT ? (r.dueAt == null ? NO_DEADLINE : r.dueAt) : r.createdAt;
    }

    public static ReferralSort ofCode(String code) {
        for (ReferralSort sort : values()) {
            if (sort.code.equals(code)) {
                return sort;
            }
        }
        return null;
    }
}
