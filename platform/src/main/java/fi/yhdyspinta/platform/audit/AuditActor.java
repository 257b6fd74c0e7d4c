package fi.yhdyspinta.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

import fi.yhdyspinta.platform.security.Caller;

/**
 * Who acted: the token subject, the organisation OID they acted for (none for the client themself and for
 * roles without one) and their main role ({@link Caller#primaryRole()}, by {@code Roles.BY_PRECEDENCE}).
 * Ids and codes only: a subject that looks like a name or an e-mail address is refused.
 */
public record AuditActor(String subject, String organisation, String role) {

    static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    static final Pattern OID = Pattern.compile("^1\\.2\\.246\\.10(\\.[0-9]+)+$");
    static final Pattern ROLE = Pattern.compile("^[a-z][a-z-]{0,39}$");

    public AuditActor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (!SUBJECT.matcher(subject).matches()) {
            // never the value itself in the message: it may be what must not be logged
            throw new IllegalArgumentException("audit actor subject must be an id ([A-Za-z0-9._:-], at most 128)");
        }
        if (organisation != null && (organisation.length() > 64 || !OID.matcher(organisation).matches())) {
            throw new IllegalArgumentException("audit actor organisation must be an OID under 1.2.246.10");
        }
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("audit actor role must be a role code");
        }
    }

    /** The caller of the request: subject, organisation (if any) and main role. */
    public static AuditActor of(Caller caller) {
        return new AuditActor(caller.subject(), caller.organisation().orElse(null), caller.primaryRole());
    }
}
