package fi.yhdyspinta.consent.command;

import fi.yhdyspinta.consent.domain.Register;

/**
 * Record the client's prohibition of disclosure (luovutuskielto, PotL 13 §) from one register, to one recipient
 * organisation or, without one, to every recipient.
 */
public record RecordProhibition(Register register, String recipientOrganisation) {
}
