package fi.yhdyspinta.platform.audit;

import fi.yhdyspinta.platform.problem.ProblemException;

/**
 * A refusal (403, or 404 for an object the caller may not see) of an attempt on a client's data:
 * answered as its problem, and recorded in the audit trail as REFUSED once the request's transaction has ended
 * ({@link RefusalsAreAudited}), in a transaction of its own.
 */
public class RefusedAccess extends ProblemException {

    private final transient AuditEntry entry;

    public RefusedAccess(ProblemException problem, AuditEntry entry) {
        super(problem.type(), problem.getMessage(), problem.errors(), problem.extensions());
        this.entry = entry;
    }

    public AuditEntry entry() {
        return entry;
    }
}
