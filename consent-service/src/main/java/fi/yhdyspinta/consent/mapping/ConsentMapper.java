package fi.yhdyspinta.consent.mapping;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.consent.rest.ConsentView;
import fi.yhdyspinta.consent.rest.DecisionView;
import fi.yhdyspinta.consent.rest.ProhibitionView;

/** Entities never leave through the API: these are the views. */
public final class ConsentMapper {

    private ConsentMapper() {
    }

    public static ConsentView toView(Consent c) {
        return new ConsentView(c.id, c.clientId, c.purpose, c.recipientList(), c.dataCategorySet(), c.validUntil,
                c.form, c.status, c.recordedByOrganisation, c.recordedAt, c.revokedAt);
    }

    public static ProhibitionView toView(Prohibition p) {
        return new ProhibitionView(p.id, p.clientId, p.register, p.recipientOrganisation, p.status,
                p.recordedByOrganisation, p.recordedAt, p.revokedAt);
    }

    /** For the requesting organisation, which wrote the justification. */
    public static DecisionView toView(ConsentDecision d) {
        return new DecisionView(d.id, d.outcome, d.basis, d.reason, d.consentId, d.needId, d.clientId,
                d.requestingOrganisation, d.recipientOrganisation, d.purpose, d.dataCategorySet(), d.justification,
                d.decidedAt);
    }
}
