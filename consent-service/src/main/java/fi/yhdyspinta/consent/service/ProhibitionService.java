package fi.yhdyspinta.consent.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.command.RecordProhibition;
import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.consent.domain.ProhibitionStatus;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ProhibitionRepository;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Prohibitions of disclosure (luovutuskielto, PotL 13 §): the client's own will, recorded by the
 * client ({@code /me/prohibitions}) or by a professional of an organisation the client told (who and
 * which organisation recorded it is kept); revoked by the client or by the organisation that recorded
 * it. Under the client's lock, a new prohibition denies the pending needs it reaches and withdraws
 * the granted ones it now forbids; a revocation decides the denied needs again.
 */
@ApplicationScoped
public class ProhibitionService {

    /** {@code recorded_by} / {@code revoked_by} when the client acted themself. */
    public static final String BY_CLIENT = "client";

    private final ProhibitionRepository prohibitions;
    private final NeedDecisions needDecisions;
    private final Clients clients;
    private final ClientLocks locks;
    private final ConsentAudit audit;
    private final ServiceClock clock;

    public ProhibitionService(ProhibitionRepository prohibitions, NeedDecisions needDecisions, Clients clients,
            ClientLocks locks, ConsentAudit audit, ServiceClock clock) {
        this.prohibitions = prohibitions;
        this.needDecisions = needDecisions;
        this.clients = clients;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A professional records the client's prohibition on the client's word. */
    @WithTransaction
    public Uni<Prohibition> record(String hetu, RecordProhibition command, Caller caller, Causation causation) {
        Prohibition prohibition = prohibition(clients.of(hetu), command);
        prohibition.recordedByOrganisation = caller.requireOrganisation();
        prohibition.recordedBy = caller.subject();
        return store(prohibition, caller.subject(), causation)
                .call(stored -> audit.prohibitionCreated(caller, stored, causation.correlationId()));
    }

    /** The client records their own prohibition. */
    @WithTransaction
    public Uni<Prohibition> recordOwn(RecordProhibition command, Caller caller, Causation causation) {
        Prohibition prohibition = prohibition(clients.ofCaller(caller), command);
        prohibition.recordedBy = BY_CLIENT;
        return store(prohibition, BY_CLIENT, causation)
                .call(stored -> audit.prohibitionCreated(caller, stored, causation.correlationId()));
    }

    /** The calling client's prohibitions, newest first; each audited (LIST by the client). */
    @WithTransaction
    public Uni<List<Prohibition>> mine(Caller caller, String correlationId) {
        return prohibitions.findByClient(clients.ofCaller(caller).value())
                .call(list -> audit.prohibitionsListed(caller, list, correlationId));
    }

    private Prohibition prohibition(ClientId clientId, RecordProhibition command) {
        Prohibition prohibition = new Prohibition();
        prohibition.id = UUID.randomUUID();
        prohibition.clientId = clientId.value();
        prohibition.register = command.register();
        prohibition.recipientOrganisation = command.recipientOrganisation();
        prohibition.status = ProhibitionStatus.ACTIVE;
        prohibition.recordedAt = clock.now();
        return prohibition;
    }

    private Uni<Prohibition> store(Prohibition prohibition, String requestedBy, Causation causation) {
        return locks.lock(prohibition.clientId)
                .chain(() -> prohibitions.persistAndFlush(prohibition))
                .chain(() -> needDecisions.afterProhibition(prohibition, requestedBy, causation))
                .replaceWith(prohibition);
    }

    @WithTransaction
    public Uni<Prohibition> revoke(UUID id, Caller caller, Causation causation) {
        return prohibitions.findById(id).chain(prohibition -> {
            if (prohibition == null) {
                throw ProblemException.notFound("prohibition");
            }
            if (!mayChange(prohibition, caller)) {
                throw audit.prohibitionHidden(caller, AuditAction.REVOKE, prohibition, causation.correlationId());
            }
            String revokedBy = Clients.isProfessional(caller) ? caller.subject() : BY_CLIENT;
            return locks.lock(prohibition.clientId).chain(() -> {
                if (prohibition.status != ProhibitionStatus.ACTIVE) {
                    throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                            "a prohibition in status " + prohibition.status + " cannot be revoked", List.of(),
                            Map.of("currentStatus", prohibition.status));
                }
                prohibition.status = ProhibitionStatus.REVOKED;
                prohibition.revokedAt = clock.now();
                prohibition.revokedBy = revokedBy;
                return prohibitions.flush()
                        .chain(() -> needDecisions.afterProhibitionRevoked(prohibition, revokedBy, causation))
                        .chain(() -> audit.prohibitionRevoked(caller, prohibition, causation.correlationId()));
            }).replaceWith(prohibition);
        });
    }

    private boolean mayChange(Prohibition prohibition, Caller caller) {
        if (Clients.isProfessional(caller)) {
            return caller.requireOrganisation().equals(prohibition.recordedByOrganisation);
        }
        return clients.ofCaller(caller).value().equals(prohibition.clientId);
    }
}
