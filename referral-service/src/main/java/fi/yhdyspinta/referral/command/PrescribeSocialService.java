package fi.yhdyspinta.referral.command;

import java.util.UUID;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Urgency;

/** A professional prescribes an NGO activity of the service directory to the client (social prescribing). */
public record PrescribeSocialService(String client, UUID serviceId, NeedCategory needCategory, Urgency urgency) {
}
