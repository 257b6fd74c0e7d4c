package fi.yhdyspinta.consent.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.consent.command.RecordConsent;
import fi.yhdyspinta.consent.domain.ConsentAnswer;
import fi.yhdyspinta.consent.domain.ConsentForm;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /consents}: a professional records the client's answer (default GIVEN) for one
 * purpose, to named recipient organisations, for named data categories, until a date.
 */
public record ConsentRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull Purpose purpose,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Size(max = 64) @OrganisationOid String> recipients,
        @NotNull @Size(min = 1, max = 5) List<@NotNull DataCategory> dataCategories,
        @NotNull LocalDate validUntil,
        @NotNull ConsentForm form,
        ConsentAnswer answer) {

    public ConsentAnswer answerOrDefault() {
        return answer == null ? ConsentAnswer.GIVEN : answer;
    }

    public RecordConsent command() {
        return new RecordConsent(purpose, recipients, dataCategories, validUntil, form, answerOrDefault());
    }
}
