package fi.yhdyspinta.consent.domain;

import java.util.Optional;
import java.util.Set;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.security.Roles;

/**
 * Who may claim which statutory basis for which disclosure (DESIGN §2): pure, no I/O. The sectors in
 * the request are the registry's (never a token's or a body's), the roles the caller's token's.
 * Modelled rules named by their section, not legal advice.
 *
 * <ul>
 * <li><b>SHL 35 §</b> ({@code SHL_35_INCAPABLE}, {@code SHL_35_CHILD_INTEREST}): a professional of a
 * health-care or social-care organisation contacts social care — recipient SOCIAL, purpose CONTACT,
 * contact data only (NEED_SUMMARY, CONTACT_DETAILS).</li>
 * <li><b>AsL 20 §</b>: a social worker of a social-care organisation, social-register data only
 * (SOCIAL_RECORD), to a social-care authority that needs it for its own task (recipient SOCIAL).</li>
 * <li><b>LSL 25 §</b>: any professional (health, social, NGO or municipal) notifies child welfare —
 * recipient SOCIAL.</li>
 * </ul>
 *
 * A claim outside these is refused, not quietly decided on consent instead: the professional learns
 * at once that the basis is not theirs to claim. The justification is checked before (400 without).
 */
public final class StatutoryEntitlement {

    /** Roles that act as a professional for an organisation. */
    public static final Set<String> PROFESSIONAL_ROLES = Set.of(Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL,
            Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD);

    private StatutoryEntitlement() {
    }

    /**
     * Why the caller may not claim the request's statutory basis for this disclosure, or empty when
     * they may (or when no basis is claimed). The reason names rules and codes only, no personal data.
     */
    public static Optional<String> refusal(DisclosureRequest request, Set<String> callerRoles) {
        LegalBasis basis = request.statutoryBasis();
        if (basis == null) {
            return Optional.empty();
        }
        boolean professional = callerRoles.stream().anyMatch(PROFESSIONAL_ROLES::contains);
        return switch (basis) {
            case SHL_35_INCAPABLE, SHL_35_CHILD_INTEREST -> shl35(request, professional);
            case ASL_20 -> asl20(request, callerRoles);
            case LSL_25 -> lsl25(request, professional);
            case CONSENT -> refuse("CONSENT is not a statutory basis");
        };
    }

    private static Optional<String> shl35(DisclosureRequest request, boolean professional) {
        if (!professional || !(request.requestingSector() == Sector.HEALTH
                || request.requestingSector() == Sector.SOCIAL)) {
            return refuse("SHL 35 § is claimed by a professional of a health-care or social-care organisation");
        }
        if (request.recipientSector() != Sector.SOCIAL) {
            return refuse("SHL 35 § permits contacting social care only (a SOCIAL recipient)");
        }
        if (request.purpose() != Purpose.CONTACT) {
            return refuse("SHL 35 § permits purpose CONTACT only");
        }
        if (!DisclosureRules.CONTACT_DATA.containsAll(request.dataCategories())) {
            return refuse("SHL 35 § permits no more data than a contact needs (NEED_SUMMARY, CONTACT_DETAILS)");
        }
        return Optional.empty();
    }

    private static Optional<String> asl20(DisclosureRequest request, Set<String> callerRoles) {
        if (!callerRoles.contains(Roles.SOCIAL_WORKER) || request.requestingSector() != Sector.SOCIAL) {
            return refuse("AsL 20 § is claimed by a social worker of a social-care organisation");
        }
        if (request.recipientSector() != Sector.SOCIAL) {
            return refuse("AsL 20 § is for a social-care authority's own task (a SOCIAL recipient)");
        }
        if (request.dataCategories().isEmpty()
                || !request.dataCategories().stream().allMatch(c -> c == DataCategory.SOCIAL_RECORD)) {
            return refuse("AsL 20 § reaches social-register data only (SOCIAL_RECORD)");
        }
        return Optional.empty();
    }

    private static Optional<String> lsl25(DisclosureRequest request, boolean professional) {
        if (!professional) {
            return refuse("LSL 25 § notification is made by a professional");
        }
        if (request.recipientSector() != Sector.SOCIAL) {
            return refuse("LSL 25 § permits disclosure to child welfare only (a SOCIAL recipient)");
        }
        return Optional.empty();
    }

    private static Optional<String> refuse(String why) {
        return Optional.of(why);
    }
}
