package fi.yhdyspinta.referral.domain;

import fi.yhdyspinta.platform.security.Caller;

/**
 * Who made a referral transition, for its history: an organisation and the role its worker acted in, or
 * {@link #SYSTEM_ROLE} (consent decisions arriving, the deadline watch) — and why, as a reason code.
 */
public record Actor(String organisation, String role, String reasonCode) {

    public static final String SYSTEM_ROLE = "SYSTEM";

    public static Actor of(Caller caller) {
        return new Actor(caller.requireOrganisation(), caller.primaryRole(), null);
    }

    public static Actor of(Caller caller, Enum<?> reason) {
        return new Actor(caller.requireOrganisation(), caller.primaryRole(), reason == null ? null : reason.name());
    }

    public static Actor system(String reasonCode) {
        return new Actor(null, SYSTEM_ROLE, reasonCode);
    }
}
