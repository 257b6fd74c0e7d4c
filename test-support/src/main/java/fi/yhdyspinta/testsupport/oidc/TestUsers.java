package fi.yhdyspinta.testsupport.oidc;

import java.util.Set;

/** The demo organisations and users of the foundation issue, for tests. */
public final class TestUsers {

    /** Kittilän terveyskeskus. */
    public static final String HEALTH_CENTRE = "1.2.246.10.2345678.10.1";
    /** Kittilän sosiaalipalvelut. */
    public static final String SOCIAL_SERVICES = "1.2.246.10.2345678.20.1";
    /** Lapin Mielenterveysyhdistys. */
    public static final String NGO = "1.2.246.10.8765432.1";

    /** Lapin lastensuojelu (child welfare, SOCIAL). */
    public static final String CHILD_WELFARE = "1.2.246.10.2345678.20.2";
    /** Lapin keskussairaala: another health organisation, for "other organisation" refusals. */
    public static final String CENTRAL_HOSPITAL = "1.2.246.10.1234567.10.1";
    /** Lapin hyvinvointialueen kirjaamo: the county's registry office, where the auditor works. */
    public static final String REGISTRY_OFFICE = "1.2.246.10.2345678.40.1";
    /** An organisation of the registry that is no longer active. */
    public static final String CLOSED_CLINIC = "1.2.246.10.1234567.90.1";

    /** A valid test henkilötunnus (individual number 900–999). */
    public static final String CLIENT_HETU = "010190-900P";

    public static final TestUser NURSE = new TestUser("nurse", HEALTH_CENTRE, "HEALTH",
            Set.of("professional", "health-professional"), null);
    public static final TestUser DOCTOR = new TestUser("doctor", HEALTH_CENTRE, "HEALTH",
            Set.of("professional", "health-professional"), null);
    public static final TestUser SOCIAL_WORKER = new TestUser("socialworker", SOCIAL_SERVICES, "SOCIAL",
            Set.of("professional", "social-worker"), null);
    public static final TestUser NGO_WORKER = new TestUser("ngo", NGO, "NGO", Set.of("ngo-worker"), null);
    public static final TestUser UNIT_LEAD = new TestUser("lead", HEALTH_CENTRE, "HEALTH",
            Set.of("professional", "unit-lead"), null);
    public static final TestUser HOSPITAL_NURSE = new TestUser("hospitalnurse", CENTRAL_HOSPITAL, "HEALTH",
            Set.of("professional", "health-professional"), null);
    public static final TestUser CHILD_WELFARE_WORKER = new TestUser("childwelfare", CHILD_WELFARE, "SOCIAL",
            Set.of("professional", "social-worker"), null);
    public static final TestUser ADMIN = new TestUser("admin", null, null, Set.of("admin"), null);
    public static final TestUser CLIENT = new TestUser("client", null, null, Set.of("client"), CLIENT_HETU);
    public static final TestUser OPS = new TestUser("ops", null, null, Set.of("ops"), null);
    public static final TestUser ARCHIVE = new TestUser("archive", null, null, Set.of("archive"), null);
    /** Checks the audit trail (GET /audit/verify); reads no client data. */
    public static final TestUser AUDITOR = new TestUser("auditor", REGISTRY_OFFICE, "MUNICIPALITY", Set.of("auditor"),
            null);

    /** Every demo user, for a login page that takes a user name ({@link TestOidcIssuer}'s authorization endpoint). */
    public static final java.util.List<TestUser> ALL = java.util.List.of(NURSE, DOCTOR, SOCIAL_WORKER, NGO_WORKER,
            UNIT_LEAD, HOSPITAL_NURSE, CHILD_WELFARE_WORKER, ADMIN, CLIENT, OPS, ARCHIVE, AUDITOR);

    /** The demo user with this subject (user name). */
    public static java.util.Optional<TestUser> bySubject(String subject) {
        return ALL.stream().filter(user -> user.sub().equals(subject)).findFirst();
    }

    private TestUsers() {
    }
}
