package fi.yhdyspinta.referral.fhir;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.rest.ReferralView;
import fi.yhdyspinta.referral.service.ReferralAudit;
import fi.yhdyspinta.referral.service.ReferralService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the FHIR read views show: exactly what {@code GET /referrals/{id}} shows ({@link ReferralDisclosure}); a
 * referral the caller may not see is 404, audited as a refused read. A search by henkilötunnus answers only the
 * referrals whose view shows the client's henkilötunnus to the caller (the sender, or a receiver permitted
 * CONTACT_DETAILS): any other match would tell the caller who the client of a referral is.
 */
@ApplicationScoped
public class ReferralViews {

    private final ReferralService service;
    private final ReferralRepository referrals;
    private final ReferralAudit audit;
    private final ClientIdPseudonymiser pseudonymiser;

    public ReferralViews(ReferralService service, ReferralRepository referrals, ReferralAudit audit,
            ClientIdPseudonymiser pseudonymiser) {
        this.service = service;
        this.referrals = referrals;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    public Uni<ReferralView> read(UUID id, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return service.read(id, caller, correlationId, r -> true)
                .map(referral -> ReferralDisclosure.view(referral, organisation));
    }

    @WithTransaction
    public Uni<List<ReferralView>> ofPatient(String hetu, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        String clientId = pseudonymiser.clientIdOf(Henkilotunnus.parse(hetu)).value();
        return referrals.list("clientId = ?1 order by createdAt, id", clientId)
                .map(list -> list.stream().filter(r -> ReferralDisclosure.visibleTo(r, organisation))
                        .filter(r -> ReferralDisclosure.view(r, organisation).client() != null).toList())
                .call(list -> audit.referralsListed(caller, list, correlationId))
                .map(list -> list.stream().map((Referral r) -> ReferralDisclosure.view(r, organisation)).toList());
    }
}
