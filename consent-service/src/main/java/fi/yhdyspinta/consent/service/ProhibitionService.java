package fi.yhdyspinta.consent.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.consent.domain.ProhibitionStatus;
import fi.yhdyspinta.consent.repository.ProhibitionRepository;
import fi.yhdyspinta.consent.rest.ProhibitionRequest;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Prohibitions of disclosure (luovutuskielto, PotL 13 §): the client's own will, recorded by the
 * client or by a professional on the client's word; revoked by the client or by the organisation
 * that recorded it.
 */
@ApplicationScoped
public class ProhibitionService {

    private final ProhibitionRepository prohibitions;
    private final Clients clients;

    public ProhibitionService(ProhibitionRepository prohibitions, Clients clients) {
        this.prohibitions = prohibitions;
        this.clients = clients;
    }

    @WithTransaction
    public Uni<Prohibition> record(ProhibitionRequest request, Caller caller) {
        ClientId clientId = clients.of(request.client());
        Prohibition prohibition = new Prohibition();
        if (Clients.isProfessional(caller)) {
            prohibition.recordedByOrganisation = caller.requireOrganisation();
            prohibition.recordedBy = caller.subject();
        } else {
            if (!clients.ofCaller(caller).equals(clientId)) {
                throw ProblemException.forbidden("a client may record prohibitions of their own data only");
            }
            prohibition.recordedBy = "client";
        }
        prohibition.id = UUID.randomUUID();
        prohibition.clientId = clientId.value();
        prohibition.register = request.register();
        prohibition.recipientOrganisation = request.recipientOrganisation();
        prohibition.status = ProhibitionStatus.ACTIVE;
        prohibition.recordedAt = Disclosures.now();
        return prohibitions.persist(prohibition);
    }

    @WithTransaction
    public Uni<Prohibition> revoke(UUID id, Caller caller) {
        return prohibitions.findById(id).map(prohibition -> {
            if (prohibition == null || !mayChange(prohibition, caller)) {
                throw ProblemException.notFound("prohibition");
            }
            if (prohibition.status != ProhibitionStatus.ACTIVE) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                        "a prohibition in status " + prohibition.status + " cannot be revoked", List.of(),
                        Map.of("currentStatus", prohibition.status));
            }
            prohibition.status = ProhibitionStatus.REVOKED;
            prohibition.revokedAt = Disclosures.now();
            prohibition.revokedBy = Clients.isProfessional(caller) ? caller.subject() : "client";
            return prohibition;
        });
    }

    private boolean mayChange(Prohibition prohibition, Caller caller) {
        if (Clients.isProfessional(caller)) {
            return caller.requireOrganisation().equals(prohibition.recordedByOrganisation);
        }
        return clients.ofCaller(caller).value().equals(prohibition.clientId);
    }
}
