package fi.yhdyspinta.consent.command;

import java.util.List;
import java.util.UUID;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * The discloser asks whether it may release the client's data to a recipient: on the client's consent, or on a
 * statutory basis with its justification; for a waiting need when it names one.
 */
public record AskDisclosure(String client, String recipientOrganisation, Purpose purpose,
        List<DataCategory> dataCategories, LegalBasis statutoryBasis, String justification, UUID needId) {
}
