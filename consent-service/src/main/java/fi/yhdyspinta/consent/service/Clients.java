package fi.yhdyspinta.consent.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.Roles;

/**
 * Who the client is, as this service knows it: only the pseudonymous {@link ClientId}. A request's
 * henkilötunnus is turned into it at once and never stored; a client caller's {@code hetu} claim too.
 */
@ApplicationScoped
public class Clients {

    private static final Set<String> PROFESSIONAL_ROLES = Set.of(Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL,
            Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD);

    private final ClientIdPseudonymiser pseudonymiser;

    public Clients(ClientIdPseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** The client id of a henkilötunnus the request validation has accepted. */
    public ClientId of(String hetu) {
        return pseudonymiser.clientIdOf(Henkilotunnus.parse(hetu));
    }

    /** The calling client's own id, from the {@code hetu} claim. */
    public ClientId ofCaller(Caller caller) {
        return caller.hetu().filter(Henkilotunnus::isValid)
                .map(hetu -> pseudonymiser.clientIdOf(Henkilotunnus.parse(hetu)))
                .orElseThrow(() -> ProblemException.forbidden("the token names no valid client (hetu claim)"));
    }

    /** A professional acts for an organisation; a client only for themself. */
    public static boolean isProfessional(Caller caller) {
        return caller.roles().stream().anyMatch(PROFESSIONAL_ROLES::contains);
    }
}
