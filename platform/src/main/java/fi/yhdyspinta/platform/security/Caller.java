package fi.yhdyspinta.platform.security;

import java.util.Optional;
import java.util.Set;

import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.problem.ProblemException;

/**
 * Who is calling, from the bearer token's claims (DESIGN §7): {@code sub}, organisation OID
 * ({@code org}), {@code sector}, roles, and the client's own {@code hetu} for the client role.
 */
public record Caller(String subject, Optional<String> organisation, Optional<Sector> sector, Set<String> roles,
        Optional<String> hetu) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller's organisation; professionals act for one, and without it they may do nothing. */
    public String requireOrganisation() {
        return organisation.orElseThrow(() -> ProblemException.forbidden("the token names no organisation (org claim)"));
    }

    public Sector requireSector() {
        return sector.orElseThrow(() -> ProblemException.forbidden("the token names no sector (sector claim)"));
    }

    /** The main role, for the audit trail. */
    public String primaryRole() {
        for (String role : Roles.BY_PRECEDENCE) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return roles.stream().findFirst().orElse("none");
    }
}
