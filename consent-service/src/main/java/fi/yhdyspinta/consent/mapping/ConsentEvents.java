package fi.yhdyspinta.consent.mapping;

import java.time.LocalDate;
import java.util.Comparator;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.events.payload.ConsentRevoked;

/** Entity → event payload: ids, codes and states only, never a henkilötunnus or a justification. */
public final class ConsentEvents {

    private ConsentEvents() {
    }

    public static ConsentGranted granted(ConsentDecision d, LocalDate validUntil) {
        return new ConsentGranted(d.id.toString(), d.consentId == null ? null : d.consentId.toString(),
                d.needId == null ? null : d.needId.toString(), d.clientId, d.recipientOrganisation, d.purpose.name(),
                d.dataCategorySet().stream().sorted(Comparator.naturalOrder()).map(Enum::name).toList(),
                d.basis.name(), validUntil);
    }

    public static ConsentDenied denied(ConsentDecision d) {
        return new ConsentDenied(d.id.toString(), d.needId == null ? null : d.needId.toString(), d.clientId,
                d.requestingOrganisation, d.recipientOrganisation, d.purpose.name(), d.reason.name());
    }

    public static ConsentRequested requested(PendingNeed need) {
        return new ConsentRequested(need.needId.toString(), need.clientId, need.sourceOrganisation,
                need.targetOrganisation, need.purpose.name());
    }

    public static ConsentRevoked revoked(Consent c) {
        return new ConsentRevoked(c.id.toString(), c.clientId, c.purpose.name(), c.revokedAt);
    }
}
