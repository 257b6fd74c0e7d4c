package fi.yhdyspinta.events.payload;

import java.time.LocalDate;
import java.util.List;

/**
 * A consent decision permitted a disclosure: on the client's consent ({@code basis} CONSENT) or on
 * a statutory basis. {@code needId} names the waiting need the decision was made for, if any.
 */
public record ConsentGranted(
        String decisionId,
        String consentId,
        String needId,
        String clientId,
        String recipientOrganisation,
        String purpose,
        List<String> dataCategories,
        String basis,
        LocalDate validUntil) {
}
