package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The invited organisation takes part: who (free text, e.g. "Sairaanhoitaja N.N." — stored, never on
 * an event or a log line) and when. There is no other answer: health care cannot decline (THL 32.2 §).
 */
public record AcknowledgeRequest(
        @NotBlank @Size(max = 200) String participant,
        @NotNull @Future OffsetDateTime scheduledAt) {
}
