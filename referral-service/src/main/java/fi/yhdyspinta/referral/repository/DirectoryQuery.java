package fi.yhdyspinta.referral.repository;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.ServiceLanguage;

/** A search of the service directory; null criteria match anything. */
public record DirectoryQuery(NeedCategory category, String municipality, ServiceLanguage language, Capacity capacity,
        String organisation, int page, int size) {
}
