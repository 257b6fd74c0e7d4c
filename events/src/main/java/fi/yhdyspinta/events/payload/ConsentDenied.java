package fi.yhdyspinta.events.payload;

/**
 * A consent decision denied a disclosure (refusal, prohibition, or nothing to rest on: fail closed).
 * {@code requestingOrganisation} is the discloser that asked, so the sender is told (closed loop).
 */
public record ConsentDenied(
        String decisionId,
        String needId,
        String clientId,
        String requestingOrganisation,
        String recipientOrganisation,
        String purpose,
        String reason) {
}
