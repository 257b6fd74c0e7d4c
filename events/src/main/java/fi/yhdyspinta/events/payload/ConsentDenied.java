package fi.yhdyspinta.events.payload;

/** A consent decision denied a disclosure (refusal, prohibition, or nothing to rest on: fail closed). */
public record ConsentDenied(
        String decisionId,
        String needId,
        String clientId,
        String recipientOrganisation,
        String purpose,
        String reason) {
}
