package fi.yhdyspinta.events.payload;

import java.util.List;

/** A professional saw a need that another sector should meet (THL 50 a §, SHL 35 §, SHL 40 §). */
public record NeedIdentified(
        String needId,
        String referralId,
        String clientId,
        String category,
        String sourceOrganisation,
        String sourceSector,
        String targetSector,
        String targetOrganisation,
        String urgency,
        String purpose,
        List<String> dataCategories) {
}
