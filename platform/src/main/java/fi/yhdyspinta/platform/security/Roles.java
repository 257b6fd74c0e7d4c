package fi.yhdyspinta.platform.security;

import java.util.List;

/** The roles of DESIGN §7, as they appear in tokens. */
public final class Roles {

    public static final String PROFESSIONAL = "professional";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String HEALTH_PROFESSIONAL = "health-professional";
    public static final String NGO_WORKER = "ngo-worker";
    public static final String UNIT_LEAD = "unit-lead";
    public static final String CLIENT = "client";
    public static final String OPS = "ops";
    public static final String ARCHIVE = "archive";
    public static final String ADMIN = "admin";
    /** Checks the audit trail ({@code GET /audit/verify}); never reads client data. */
    public static final String AUDITOR = "auditor";

    static final List<String> BY_PRECEDENCE = List.of(SOCIAL_WORKER, HEALTH_PROFESSIONAL, NGO_WORKER, UNIT_LEAD,
            PROFESSIONAL, CLIENT, ARCHIVE, AUDITOR, OPS, ADMIN);

    private Roles() {
    }
}
