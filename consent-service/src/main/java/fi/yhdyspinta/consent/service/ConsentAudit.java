package fi.yhdyspinta.consent.service;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.audit.RefusedAccess;
import fi.yhdyspinta.platform.audit.AuditActor;
import fi.yhdyspinta.platform.audit.AuditEntry;
import fi.yhdyspinta.platform.audit.AuditTrail;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What consent-service writes to the audit trail (lokitiedot, DESIGN §8): every read and write of a consent, a
 * prohibition, a consent decision or an access log, by whoever acted — a professional, or the client themself
 * ({@code /me/...}) — in the act's own transaction; and every refused attempt on one of them, as a
 * {@link RefusedAccess} recorded after the transaction. Purpose and legal basis are the codes the object carries
 * (a consent: its purpose; a decision: its purpose and basis). A decision the service makes itself — a need
 * arrived, an answer or a prohibition re-decided the client's needs — is recorded as DECIDE by the service
 * ({@value #SYSTEM_SUBJECT}, role {@value #SYSTEM_ROLE}) on behalf of the organisation that would disclose.
 * Reading Kafka events is not an actor's read and is not recorded.
 */
@ApplicationScoped
public class ConsentAudit {

    /** The actor of decisions the service makes itself. */
    public static final String SYSTEM_SUBJECT = "consent-service";
    public static final String SYSTEM_ROLE = "system";

    private static final Pattern UUID_FORMAT = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final AuditTrail trail;

    public ConsentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    // consents (suostumukset)

    public Uni<Void> consentCreated(Caller caller, Consent consent, String correlationId) {
        return trail.record(onConsent(caller, AuditAction.CREATE, consent, correlationId));
    }

    public Uni<Void> consentRevoked(Caller caller, Consent consent, String correlationId) {
        return trail.record(onConsent(caller, AuditAction.REVOKE, consent, correlationId));
    }

    /** One consent read (the FHIR read view). */
    public Uni<Void> consentRead(Caller caller, Consent consent, String correlationId) {
        return trail.record(onConsent(caller, AuditAction.READ, consent, correlationId));
    }

    /** A list answer: one record per consent it returned. */
    public Uni<Void> consentsListed(Caller caller, List<Consent> consents, String correlationId) {
        return trail.recordAll(consents.stream().map(c -> onConsent(caller, AuditAction.LIST, c, correlationId))
                .toList());
    }

    /** The consent exists but the caller may not see it: 404, recorded as refused. */
    public RefusedAccess consentHidden(Caller caller, AuditAction action, Consent consent, String correlationId) {
        return refused(ProblemException.notFound("consent"), caller, action, AuditResource.CONSENT,
                consent.id.toString(), consent.clientId, consent.purpose, correlationId);
    }

    /** Recording the client's answer was refused (403), e.g. a recipient recording its own release. */
    public RefusedAccess consentRefused(ProblemException problem, Caller caller, ClientId clientId, Purpose purpose,
            String correlationId) {
        return refused(problem, caller, AuditAction.CREATE, AuditResource.CONSENT, null, clientId.value(), purpose,
                correlationId);
    }

    // prohibitions (luovutuskiellot)

    public Uni<Void> prohibitionCreated(Caller caller, Prohibition prohibition, String correlationId) {
        return trail.record(onProhibition(caller, AuditAction.CREATE, prohibition, correlationId));
    }

    public Uni<Void> prohibitionRevoked(Caller caller, Prohibition prohibition, String correlationId) {
        return trail.record(onProhibition(caller, AuditAction.REVOKE, prohibition, correlationId));
    }

    public Uni<Void> prohibitionsListed(Caller caller, List<Prohibition> prohibitions, String correlationId) {
        return trail.recordAll(prohibitions.stream()
                .map(p -> onProhibition(caller, AuditAction.LIST, p, correlationId)).toList());
    }

    public RefusedAccess prohibitionHidden(Caller caller, AuditAction action, Prohibition prohibition,
            String correlationId) {
        return refused(ProblemException.notFound("prohibition"), caller, action, AuditResource.PROHIBITION,
                prohibition.id.toString(), prohibition.clientId, null, correlationId);
    }

    // consent decisions (suostumuspäätökset)

    /** A decision asked for by the caller. */
    public Uni<Void> decided(Caller caller, ConsentDecision decision, String correlationId) {
        return trail.record(AuditEntry.permitted(caller, AuditAction.DECIDE, AuditResource.CONSENT_DECISION,
                decision.id.toString(), new ClientId(decision.clientId), decision.purpose, decision.basis,
                correlation(correlationId)));
    }

    /** A decision the service made itself, for the organisation that would disclose. */
    public Uni<Void> decidedByService(ConsentDecision decision, String correlationId) {
        AuditActor service = serviceFor(decision.requestingOrganisation);
        return trail.record(new AuditEntry(service, AuditAction.DECIDE, AuditResource.CONSENT_DECISION,
                decision.id.toString(), new ClientId(decision.clientId), decision.purpose, decision.basis,
                AuditOutcome.PERMITTED, null, correlation(correlationId)));
    }

    public Uni<Void> decisionRead(Caller caller, ConsentDecision decision, String correlationId) {
        return trail.record(AuditEntry.permitted(caller, AuditAction.READ, AuditResource.CONSENT_DECISION,
                decision.id.toString(), new ClientId(decision.clientId), decision.purpose, decision.basis,
                correlation(correlationId)));
    }

    public RefusedAccess decisionHidden(Caller caller, ConsentDecision decision, String correlationId) {
        return refused(ProblemException.notFound("consent decision"), caller, AuditAction.READ,
                AuditResource.CONSENT_DECISION, decision.id.toString(), decision.clientId, decision.purpose,
                correlationId);
    }

    /** Asking for a decision was refused (403: the recipient itself, a basis the caller's role lacks, …). */
    public RefusedAccess decisionRefused(ProblemException problem, Caller caller, ClientId clientId, Purpose purpose,
            String correlationId) {
        return refused(problem, caller, AuditAction.DECIDE, AuditResource.CONSENT_DECISION, null, clientId.value(),
                purpose, correlationId);
    }

    /** The need named in a request for a decision exists but is not the caller's organisation's: 404. */
    public RefusedAccess needHidden(Caller caller, UUID needId, String needClientId, Purpose purpose,
            String correlationId) {
        return refused(ProblemException.notFound("need"), caller, AuditAction.DECIDE, AuditResource.NEED,
                needId.toString(), needClientId, purpose, correlationId);
    }

    // access logs (the client's own, an organisation's view of its acts)

    public Uni<Void> accessLogRead(Caller caller, ClientId clientId, String correlationId) {
        return trail.record(AuditEntry.permitted(caller, AuditAction.READ, AuditResource.ACCESS_LOG, null, clientId,
                null, null, correlation(correlationId)));
    }

    /** Writes a refused attempt in a transaction of its own: call it once the request's transaction has ended. */

    /** A 403 of an attempt whose client is known becomes an audited refusal; anything else passes unchanged. */
    public static Throwable auditedIfForbidden(Throwable failure, java.util.function.Function<ProblemException,
            RefusedAccess> refusal) {
        if (failure instanceof ProblemException problem && !(failure instanceof RefusedAccess)
                && problem.type() == ProblemType.FORBIDDEN) {
            return refusal.apply(problem);
        }
        return failure;
    }

    /** The request's correlation id when it is a UUID (lower case), else a new one. */
    public static String correlation(String correlationId) {
        return correlationId != null && UUID_FORMAT.matcher(correlationId).matches() ? correlationId
                : UUID.randomUUID().toString();
    }

    /** The service acting for an organisation (an OID the event named; one that is not an OID is left out). */
    private static AuditActor serviceFor(String organisation) {
        try {
            return new AuditActor(SYSTEM_SUBJECT, organisation, SYSTEM_ROLE);
        } catch (IllegalArgumentException notAnOid) {
            return new AuditActor(SYSTEM_SUBJECT, null, SYSTEM_ROLE);
        }
    }

    private static AuditEntry onConsent(Caller caller, AuditAction action, Consent consent, String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.CONSENT, consent.id.toString(),
                new ClientId(consent.clientId), consent.purpose, null, correlation(correlationId));
    }

    private static AuditEntry onProhibition(Caller caller, AuditAction action, Prohibition prohibition,
            String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.PROHIBITION, prohibition.id.toString(),
                new ClientId(prohibition.clientId), null, null, correlation(correlationId));
    }

    private static RefusedAccess refused(ProblemException problem, Caller caller, AuditAction action,
            AuditResource resource, String resourceId, String clientId, Purpose purpose, String correlationId) {
        int status = problem.type().status().getStatusCode();
        return new RefusedAccess(problem, AuditEntry.refused(caller, action, resource, resourceId,
                new ClientId(clientId), purpose, status, correlation(correlationId)));
    }
}
