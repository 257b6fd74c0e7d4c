package fi.yhdyspinta.referral.service;

import java.util.List;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.ServiceLanguage;
import fi.yhdyspinta.referral.domain.WaitBand;

/** What an organisation says about one of its offerings (the command to register or change it). */
public record OfferingDetails(String name, List<NeedCategory> categories, String municipality,
        List<ServiceLanguage> languages, Capacity capacity, WaitBand waitBand, boolean active) {
}
