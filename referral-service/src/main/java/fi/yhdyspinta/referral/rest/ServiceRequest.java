package fi.yhdyspinta.referral.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.ServiceLanguage;
import fi.yhdyspinta.referral.domain.WaitBand;
import fi.yhdyspinta.referral.service.OfferingDetails;

/** {@code POST /services}, {@code PUT /services/{id}}: an offering of the caller's own organisation. */
public record ServiceRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Mielenterveysyhdistyksen vertaistukiryhmä") String name,
        @NotNull @Size(min = 1, max = 11) List<@NotNull NeedCategory> categories,
        @NotNull @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
        @Schema(examples = "091") String municipality,
        @NotNull @Size(min = 1, max = 4) List<@NotNull ServiceLanguage> languages,
        @NotNull Capacity capacity,
        @Schema(description = "Given exactly when capacity is WAITLIST") WaitBand waitBand,
        @Schema(description = "Listed in searches (default true)") Boolean active) {

    OfferingDetails details() {
        return new OfferingDetails(name, categories, municipality, languages, capacity, waitBand,
                active == null || active);
    }
}
