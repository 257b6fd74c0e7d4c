package fi.yhdyspinta.events.payload;

/** No consent covers the need yet: the professional must ask the client and record the answer. */
public record ConsentRequested(
        String needId,
        String clientId,
        String requestingOrganisation,
        String recipientOrganisation,
        String purpose) {
}
