package fi.yhdyspinta.events.payload;

/**
 * A social prescription (hyvinvointilähete) moved at the NGO: started, then attended, not attended or
 * declined. Ids and codes only. {@code prescriptionId} is its referral's id; {@code aggregateVersion} the
 * referral's version after the change.
 */
public record SocialPrescriptionChanged(
        String prescriptionId,
        String clientId,
        String prescriberOrganisation,
        String providerOrganisation,
        String serviceId,
        String step,
        String previousStep,
        Long aggregateVersion) {
}
