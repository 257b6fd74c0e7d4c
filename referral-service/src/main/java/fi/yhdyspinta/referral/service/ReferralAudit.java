package fi.yhdyspinta.referral.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.audit.RefusedAccess;
import fi.yhdyspinta.platform.audit.AuditEntry;
import fi.yhdyspinta.platform.audit.AuditTrail;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Referral;
import io.smallrye.mutiny.Uni;

/**
 * What referral-service writes to the audit trail (lokitiedot, DESIGN §8): every REST read and write of a need or
 * a referral by a professional, in the act's own transaction — a list records one entry per referral it returned,
 * a long poll one READ per answer (a 304 too: it tells the reader the version is still current) — and every
 * refused attempt on an existing one (404: the caller's organisation may not see it, e.g. the receiver before a
 * permit; 403: its role in the referral may not do this), as a {@link RefusedAccess} recorded after the transaction.
 * Purpose and legal basis are the referral's: the need's purpose, then the permit's; the basis of the consent
 * decision (CONSENT or the statutory basis) once there is one. Consuming Kafka events is not an actor's act and is
 * not recorded; the service directory holds no client data.
 */
@ApplicationScoped
public class ReferralAudit {

    private final AuditTrail trail;

    public ReferralAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code POST /needs}: the need and its referral were created. */
    public Uni<Void> needIdentified(Caller caller, Need need, Referral referral, String correlationId) {
        return trail.recordAll(List.of(
                onNeed(caller, AuditAction.CREATE, need, referral, correlationId),
                onReferral(caller, AuditAction.CREATE, referral, correlationId)));
    }

    public Uni<Void> needRead(Caller caller, Need need, Referral referral, String correlationId) {
        return trail.record(onNeed(caller, AuditAction.READ, need, referral, correlationId));
    }

    public Uni<Void> referralRead(Caller caller, Referral referral, String correlationId) {
        return trail.record(onReferral(caller, AuditAction.READ, referral, correlationId));
    }

    /** A list answer: one record per referral it returned. */
    public Uni<Void> referralsListed(Caller caller, List<Referral> referrals, String correlationId) {
        return trail.recordAll(referrals.stream().map(r -> onReferral(caller, AuditAction.LIST, r, correlationId))
                .toList());
    }

    /** A transition (accept, start, decline, complete, cancel). */
    public Uni<Void> referralUpdated(Caller caller, Referral referral, String correlationId) {
        return trail.record(onReferral(caller, AuditAction.UPDATE, referral, correlationId));
    }

    /** The referral exists but the caller's organisation may not see it: 404, recorded as refused. */
    public RefusedAccess referralHidden(Caller caller, AuditAction action, Referral referral, String correlationId) {
        return refused(ProblemException.notFound("referral"), caller, action, AuditResource.REFERRAL,
                referral.id.toString(), referral.clientId, referral.purpose, correlationId);
    }

    /** The caller's organisation sees the referral but may not do this to it (403), recorded as refused. */
    public RefusedAccess referralForbidden(ProblemException problem, Caller caller, AuditAction action,
            Referral referral, String correlationId) {
        return refused(problem, caller, action, AuditResource.REFERRAL, referral.id.toString(), referral.clientId,
                referral.purpose, correlationId);
    }

    /** The need exists but the caller's organisation may not see it: 404, recorded as refused. */
    public RefusedAccess needHidden(Caller caller, Need need, String correlationId) {
        return refused(ProblemException.notFound("need"), caller, AuditAction.READ, AuditResource.NEED,
                need.id.toString(), need.clientId, need.purpose, correlationId);
    }

    /** Writes a refused attempt in a transaction of its own: call it once the request's transaction has ended. */

    /** The basis of the referral's consent decision, if it had one. */
    static LegalBasis basisOf(Referral referral) {
        if (referral == null || referral.legalBasis == null) {
            return null;
        }
        try {
            return LegalBasis.valueOf(referral.legalBasis);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static AuditEntry onReferral(Caller caller, AuditAction action, Referral referral, String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.REFERRAL, referral.id.toString(),
                clientId(referral.clientId), referral.purpose, basisOf(referral), correlationId);
    }

    private static AuditEntry onNeed(Caller caller, AuditAction action, Need need, Referral referral,
            String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.NEED, need.id.toString(), clientId(need.clientId),
                need.purpose, basisOf(referral), correlationId);
    }

    private static RefusedAccess refused(ProblemException problem, Caller caller, AuditAction action,
            AuditResource resource, String resourceId, String clientId, Purpose purpose, String correlationId) {
        return new RefusedAccess(problem, AuditEntry.refused(caller, action, resource, resourceId, clientId(clientId),
                purpose, problem.type().status().getStatusCode(), correlationId));
    }

    /** The column is char(64): the pseudonymous id itself, without padding. */
    private static ClientId clientId(String value) {
        return new ClientId(value.strip());
    }
}
