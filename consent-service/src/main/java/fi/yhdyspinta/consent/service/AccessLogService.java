package fi.yhdyspinta.consent.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.consent.domain.AccessLogCursor;
import fi.yhdyspinta.consent.domain.AccessLogRecord;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Organisation;
import fi.yhdyspinta.consent.repository.AccessLogRepository;
import fi.yhdyspinta.consent.repository.ConsentDecisionRepository;
import fi.yhdyspinta.consent.repository.OrganisationRepository;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.inbox.PoisonEventException;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The client's access and disclosure log (DESIGN §8, §1): built from every service's sealed audit records on the
 * {@code audit} topic, one row per record. The client sees who (the organisation's name and OID, the role — never
 * a person), when, what, why, on what basis (statutory ones flagged) and how it ended; a unit lead sees the same
 * of their own organisation's acts only, with the account ids. Each read of a log is itself audited.
 */
@ApplicationScoped
public class AccessLogService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    private final AccessLogRepository log;
    private final OrganisationRepository organisations;
    private final ConsentDecisionRepository decisions;
    private final Clients clients;
    private final ConsentAudit audit;
    private final String service;

    public AccessLogService(AccessLogRepository log, OrganisationRepository organisations,
            ConsentDecisionRepository decisions, Clients clients, ConsentAudit audit,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.log = log;
        this.organisations = organisations;
        this.decisions = decisions;
        this.clients = clients;
        this.audit = audit;
        this.service = service;
    }

    /**
     * The row one consumed audit record becomes; a record that is not one (subject and client differ, an unknown
     * code) is poison. Pure: the rows are written a batch at a time by {@link #keep}.
     */
    public static AccessLogRecord rowOf(CloudEvent event, AuditRecorded record) {
        if (!record.clientId().equals(event.subject()) || !ClientId.isWellFormed(record.clientId())) {
            throw new PoisonEventException("audit-recorded subject is not the payload's clientId");
        }
        AccessLogRecord row = new AccessLogRecord();
        row.id = UUID.fromString(event.id());
        row.clientId = record.clientId();
        row.recordedAt = record.recordedAt();
        row.service = record.service();
        row.position = record.position();
        row.actorSub = record.actorSub();
        row.actorOrg = record.actorOrg();
        row.actorRole = record.actorRole();
        row.action = code(AuditAction.class, record.action(), "action");
        row.resourceType = code(AuditResource.class, record.resourceType(), "resourceType");
        row.resourceId = record.resourceId();
        row.purpose = record.purpose() == null ? null : code(Purpose.class, record.purpose(), "purpose");
        row.legalBasis = record.legalBasis() == null ? null : code(LegalBasis.class, record.legalBasis(), "legalBasis");
        row.statutory = AccessLogRecord.isStatutory(row.legalBasis);
        row.outcome = code(AuditOutcome.class, record.outcome(), "outcome");
        row.refusalStatus = record.refusalStatus();
        row.correlationId = record.correlationId();
        return row;
    }

    /** Keeps a batch of consumed records in one transaction; a record kept before (same id) changes nothing. */
    public Uni<Integer> keep(List<AccessLogRecord> rows) {
        return log.insertAll(rows);
    }

    /** The calling client's own log ({@code hetu} claim), newest first. */
    @WithTransaction
    public Uni<AccessLogPage> ofCaller(Caller caller, String before, String limit, String correlationId) {
        Paging paging = Paging.of(before, limit);
        ClientId clientId = clients.ofCaller(caller);
        return page(clientId, null, paging)
                .call(() -> audit.accessLogRead(caller, clientId, correlationId));
    }

    /** A client's records of the caller's own organisation's acts only (unit lead), newest first. */
    @WithTransaction
    public Uni<AccessLogPage> ofOwnOrganisation(Caller caller, String client, String before, String limit,
            String correlationId) {
        if (!ClientId.isWellFormed(client)) {
            throw ProblemException.invalidField("client", "must be a pseudonymous client id (64 lower-case hex)");
        }
        Paging paging = Paging.of(before, limit);
        String organisation = caller.requireOrganisation();
        ClientId clientId = new ClientId(client);
        return page(clientId, organisation, paging)
                .call(() -> audit.accessLogRead(caller, clientId, correlationId));
    }

    private Uni<AccessLogPage> page(ClientId clientId, String organisation, Paging paging) {
        return log.page(clientId.value(), organisation, paging.before(), paging.limit() + 1).chain(rows -> {
            List<AccessLogRecord> entries = rows.size() > paging.limit() ? rows.subList(0, paging.limit()) : rows;
            Optional<AccessLogCursor> next = rows.size() > paging.limit()
                    ? Optional.of(AccessLogCursor.after(entries.get(entries.size() - 1)))
                    : Optional.empty();
            Set<UUID> decided = entries.stream().filter(this::standsForADecision)
                    .map(e -> UUID.fromString(e.resourceId)).collect(Collectors.toSet());
            Uni<Map<UUID, ConsentDecision>> decisionsOf = decided.isEmpty() ? Uni.createFrom().item(Map.of())
                    : decisions.findOfClient(clientId.value(), decided).map(list -> list.stream()
                            .collect(Collectors.toMap(d -> d.id, Function.identity())));
            return decisionsOf.chain(byId -> {
                Set<String> oids = new HashSet<>();
                entries.stream().map(e -> e.actorOrg).filter(o -> o != null).forEach(oids::add);
                byId.values().forEach(d -> oids.add(d.recipientOrganisation));
                Uni<Map<String, String>> names = oids.isEmpty() ? Uni.createFrom().item(Map.of())
                        : organisations.findAll(oids).map(list -> list.stream()
                                .collect(Collectors.toMap(o -> o.oid, (Organisation o) -> o.name)));
                return names.map(byOid -> new AccessLogPage(entries, byOid, byId, next));
            });
        });
    }

    /** A DECIDE record of this service names the consent decision it stands for. */
    private boolean standsForADecision(AccessLogRecord entry) {
        return service.equals(entry.service) && entry.action == AuditAction.DECIDE
                && entry.resourceType == AuditResource.CONSENT_DECISION && entry.outcome == AuditOutcome.PERMITTED
                && entry.resourceId != null && isUuid(entry.resourceId);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("audit-recorded " + field + " is not a known code");
        }
    }

    /** {@code ?before=<cursor>&limit=n}: validated, 400 naming the parameter. */
    record Paging(AccessLogCursor before, int limit) {

        static Paging of(String before, String limit) {
            int size;
            try {
                size = limit == null || limit.isEmpty() ? DEFAULT_PAGE : Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) {
                throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE);
            }
            AccessLogCursor cursor = null;
            if (before != null) {
                cursor = AccessLogCursor.parse(before).orElseThrow(() -> ProblemException.invalidField("before",
                        "must be the 'next' cursor of a previous page"));
            }
            return new Paging(cursor, size);
        }
    }
}
