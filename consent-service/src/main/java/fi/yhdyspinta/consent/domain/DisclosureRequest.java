package fi.yhdyspinta.consent.domain;

import java.util.EnumSet;
import java.util.Set;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;

/**
 * A disclosure to decide on: of the client's data in {@code dataCategories}, asked by the requesting
 * organisation (of {@code requestingSector}), to the recipient organisation, for a purpose. A
 * statutory basis, when claimed, comes with a justification. {@code recipientSector} may be unknown
 * (null); then no rule that needs it applies.
 */
public record DisclosureRequest(
        String clientId,
        String requestingOrganisation,
        Sector requestingSector,
        String recipientOrganisation,
        Sector recipientSector,
        Purpose purpose,
        Set<DataCategory> dataCategories,
        LegalBasis statutoryBasis,
        String justification) {

    public DisclosureRequest {
        dataCategories = dataCategories.isEmpty() ? EnumSet.noneOf(DataCategory.class)
                : EnumSet.copyOf(dataCategories);
    }

    public static DisclosureRequest onConsent(String clientId, String requestingOrganisation, Sector requestingSector,
            String recipientOrganisation, Sector recipientSector, Purpose purpose, Set<DataCategory> dataCategories) {
        return new DisclosureRequest(clientId, requestingOrganisation, requestingSector, recipientOrganisation,
                recipientSector, purpose, dataCategories, null, null);
    }

    public boolean hasJustification() {
        return justification != null && !justification.isBlank();
    }
}
