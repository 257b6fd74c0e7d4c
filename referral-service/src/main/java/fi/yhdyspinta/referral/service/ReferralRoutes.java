package fi.yhdyspinta.referral.service;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.rest.NeedRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /referrals}: every route in (SHL 40 §) — social care refers a client to health care or an NGO, an
 * NGO to public services, any organisation to another. The same body and the same consent decision as a need:
 * both sectors from the registry, the target active and never the caller's own organisation, the referral
 * {@code AWAITING_CONSENT} until consent-service decides on {@code need-identified}.
 */
@ApplicationScoped
public class ReferralRoutes {

    private final ClientIdPseudonymiser pseudonymiser;
    private final OrganisationRegistry registry;
    private final ReferralIntake intake;

    public ReferralRoutes(ClientIdPseudonymiser pseudonymiser, OrganisationRegistry registry, ReferralIntake intake) {
        this.pseudonymiser = pseudonymiser;
        this.registry = registry;
        this.intake = intake;
    }

    @WithTransaction
    public Uni<Referral> refer(NeedRequest request, Caller caller, Causation causation) {
        Henkilotunnus hetu = Henkilotunnus.parse(request.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        String organisation = caller.requireOrganisation();
        if (organisation.equals(request.targetOrganisation())) {
            throw ProblemException.invalidField("targetOrganisation", "must be another organisation than the caller's");
        }
        return registry.actingOrganisation(organisation)
                .chain(source -> registry.activeOrganisation(request.targetOrganisation(), "targetOrganisation")
                        .chain(target -> {
                            if (request.targetSector() != null && request.targetSector() != target.sector) {
                                throw ProblemException.invalidField("targetSector",
                                        "must be the target organisation's sector in the registry, " + target.sector);
                            }
                            return intake.open(new ReferralIntake.Opening(hetu.value(), clientId.value(),
                                    request.category(), request.urgency(), request.purposeOrDefault(),
                                    request.dataCategoriesOrDefault(), source, target, null, null), caller, causation);
                        }));
    }
}
