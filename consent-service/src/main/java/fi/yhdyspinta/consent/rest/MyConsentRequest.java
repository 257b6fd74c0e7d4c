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

/**
 * {@code POST /me/consents}: the client's own answer (default GIVEN), given electronically. The client
 * is the caller (the token's {@code hetu}), never a field of the body.
 */
public record MyConsentRequest(
        @NotNull Purpose purpose,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Size(max = 64) @OrganisationOid String> recipients,
        @NotNull @Size(min = 1, max = 5) List<@NotNull DataCategory> dataCategories,
        @NotNull LocalDate validUntil,
        ConsentAnswer answer) {

    public ConsentAnswer answerOrDefault() {
        return answer == null ? ConsentAnswer.GIVEN : answer;
    }

    /** The client's own answer is given electronically. */
    public RecordConsent command() {
        return new RecordConsent(purpose, recipients, dataCategories, validUntil, ConsentForm.ELECTRONIC,
                answerOrDefault());
    }
}
