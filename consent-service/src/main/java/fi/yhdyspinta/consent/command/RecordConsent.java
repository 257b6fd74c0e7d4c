package fi.yhdyspinta.consent.command;

import java.time.LocalDate;
import java.util.List;

import fi.yhdyspinta.consent.domain.ConsentAnswer;
import fi.yhdyspinta.consent.domain.ConsentForm;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;

/**
 * Record the client's answer (suostumus, or its refusal) for one purpose, to the named recipient organisations, for
 * the named data categories, through its last day ({@code validUntil}, inclusive). Who the client is and who speaks
 * for them travel beside it: a professional names the client, a client answers for themself.
 */
public record RecordConsent(Purpose purpose, List<String> recipients, List<DataCategory> dataCategories,
        LocalDate validUntil, ConsentForm form, ConsentAnswer answer) {
}
