package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.ServiceLanguage;
import fi.yhdyspinta.referral.domain.ServiceOffering;
import fi.yhdyspinta.referral.domain.WaitBand;

/** An offering of the service directory. */
public record ServiceView(UUID id, String organisation, Sector sector, String name, List<NeedCategory> categories,
        String municipality, List<ServiceLanguage> languages, Capacity capacity, WaitBand waitBand, boolean active,
        long version, OffsetDateTime updatedAt) {

    static ServiceView of(ServiceOffering o) {
        return new ServiceView(o.id, o.organisationOid, o.sector, o.name, codes(o.categories).stream()
                .map(NeedCategory::valueOf).toList(), o.municipality,
                codes(o.languages).stream().map(code -> ServiceLanguage.ofCode(code).orElseThrow()).toList(),
                o.capacity, o.waitBand, o.active, o.version, o.updatedAt);
    }

    private static List<String> codes(String list) {
        return Arrays.stream(list.split(",")).filter(code -> !code.isEmpty()).toList();
    }
}
