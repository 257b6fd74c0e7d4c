package fi.yhdyspinta.consent.fhir;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.repository.ConsentRepository;
import fi.yhdyspinta.consent.mapping.AccessLogMapper;
import fi.yhdyspinta.consent.rest.AuditRecordView;
import fi.yhdyspinta.consent.service.AccessLogService;
import fi.yhdyspinta.consent.service.Clients;
import fi.yhdyspinta.consent.service.ConsentAudit;
import fi.yhdyspinta.consent.service.ConsentService;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the FHIR read views may show: the same rule as {@code GET /consents} — a consent the caller's organisation
 * recorded or is named in; any other is 404 (and the attempt is audited as refused). Reads audited as READ, searches
 * as LIST per consent.
 */
@ApplicationScoped
public class ConsentViews {

    private final ConsentRepository consents;
    private final ConsentService service;
    private final ConsentAudit audit;
    private final AccessLogService accessLog;
    private final Clients clients;

    public ConsentViews(ConsentRepository consents, ConsentService service, ConsentAudit audit,
            AccessLogService accessLog, Clients clients) {
        this.consents = consents;
        this.service = service;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clients = clients;
    }

    @WithTransaction
    public Uni<Consent> read(UUID id, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return consents.findById(id).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("consent");
            }
            if (!found.visibleTo(organisation)) {
                throw audit.consentHidden(caller, AuditAction.READ, found, correlationId);
            }
            return audit.consentRead(caller, found, correlationId).replaceWith(found);
        });
    }

    public Uni<List<Consent>> ofPatient(String hetu, Caller caller, String correlationId) {
        return service.ofClient(hetu, caller, correlationId);
    }

    /** The unit lead's own organisation's acts on the client (as {@code GET /audit/records}), newest first. */
    public Uni<List<AuditRecordView>> auditEvents(String hetu, Caller caller, String correlationId) {
        return accessLog.ofOwnOrganisation(caller, clients.of(hetu).value(), null, "200", correlationId)
                .map(page -> AccessLogMapper.toOrganisationView(page).records());
    }
}
