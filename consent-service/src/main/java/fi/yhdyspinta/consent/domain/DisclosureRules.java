package fi.yhdyspinta.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;

/**
 * The disclosure rules of DESIGN §2 in one pure function: no I/O, no clock, no framework. Modelled
 * rules named by their section, not legal advice. In order of precedence:
 *
 * <ol>
 * <li><b>PotL 13 §</b> — an active prohibition on health-register data denies, whatever else holds
 * (no consent and no statutory basis overrides it).</li>
 * <li><b>Prohibition on social-register data</b> denies, except where a statutory duty applies
 * despite secrecy: <b>AsL 20 §</b> (a social-care authority obtains social-register data) and
 * <b>LSL 25 §</b> (child protection notification).</li>
 * <li><b>Statutory basis</b>, always with a non-blank justification:
 * <ul>
 * <li>SHL 35 § ({@code SHL_35_INCAPABLE}, {@code SHL_35_CHILD_INTEREST}) permits contact only:
 * purpose CONTACT, and no more data than a contact needs (NEED_SUMMARY, CONTACT_DETAILS);</li>
 * <li>LSL 25 § permits disclosure to child welfare: a social-sector recipient;</li>
 * <li>AsL 20 §: a social-care authority's social-register data (SOCIAL_RECORD, nothing else) to
 * another social-care authority for its own task: both SOCIAL.</li>
 * </ul>
 * A claimed basis whose conditions do not hold adds nothing here; who may claim which basis at all
 * is {@link StatutoryEntitlement}'s question, asked before (a claim without entitlement is refused).</li>
 * <li><b>AsL 16–17 §, consent</b> — the client's latest answer for the recipient and purpose
 * decides: a refusal recorded after every covering consent denies (REFUSED); otherwise an ACTIVE
 * consent for the client, the recipient organisation and the purpose that includes every requested
 * data category and is valid today permits. Only answers given to this discloser count: recorded by
 * the requesting organisation itself, or by the client (who answers for every discloser).</li>
 * <li><b>Fail closed</b> — nothing to rest on denies: REVOKED when only a revoked consent would
 * have covered, NO_VALID_CONSENT otherwise (expired, another recipient, another purpose, too
 * little data, nothing at all).</li>
 * </ol>
 */
public final class DisclosureRules {

    /** Consent validity is counted in days of the county's own time zone. */
    public static final ZoneId COUNTY_ZONE = ZoneId.of("Europe/Helsinki");

    /** What a contact under SHL 35 § may carry: who the person is and why they are contacted. */
    public static final Set<DataCategory> CONTACT_DATA = EnumSet.of(DataCategory.NEED_SUMMARY,
            DataCategory.CONTACT_DETAILS);

    private DisclosureRules() {
    }

    /** A disclosure whose discloser or recipient is not an active organisation of the registry: fail closed. */
    public static Decision unregisteredParty() {
        return Decision.deny(DenialReason.NO_VALID_CONSENT, Decision.UNREGISTERED_PARTY);
    }

    public static Decision decide(DisclosureRequest request, Collection<Consent> consents,
            Collection<Prohibition> prohibitions, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, COUNTY_ZONE);
        List<Prohibition> reaching = prohibitions.stream().filter(p -> p.reaches(request)).toList();
        Optional<LegalBasis> statutory = statutoryBasisThatHolds(request);

        if (reaching.stream().anyMatch(p -> p.register == Register.HEALTH)) {
            return Decision.deny(DenialReason.PROHIBITION,
                    "PotL 13 §: the client prohibited disclosure from the health register");
        }
        if (!reaching.isEmpty()) {
            return statutory.filter(basis -> basis == LegalBasis.ASL_20 || basis == LegalBasis.LSL_25)
                    .map(basis -> Decision.permitStatutory(basis, ruleOf(basis) + ", despite the prohibition"))
                    .orElseGet(() -> Decision.deny(DenialReason.PROHIBITION,
                            "the client prohibited disclosure from the social register"));
        }
        if (statutory.isPresent()) {
            return Decision.permitStatutory(statutory.get(), ruleOf(statutory.get()));
        }
        return onConsent(request, consents, today);
    }

    /** The claimed statutory basis, if its conditions hold for this request. */
    static Optional<LegalBasis> statutoryBasisThatHolds(DisclosureRequest request) {
        LegalBasis basis = request.statutoryBasis();
        if (basis == null || basis == LegalBasis.CONSENT || !request.hasJustification()) {
            return Optional.empty();
        }
        boolean holds = switch (basis) {
            case SHL_35_INCAPABLE, SHL_35_CHILD_INTEREST -> request.purpose() == Purpose.CONTACT
                    && CONTACT_DATA.containsAll(request.dataCategories());
            case LSL_25 -> request.recipientSector() == Sector.SOCIAL;
            case ASL_20 -> request.requestingSector() == Sector.SOCIAL && request.recipientSector() == Sector.SOCIAL
                    && !request.dataCategories().isEmpty()
                    && request.dataCategories().stream().allMatch(c -> c == DataCategory.SOCIAL_RECORD);
            case CONSENT -> false;
        };
        return holds ? Optional.of(basis) : Optional.empty();
    }

    private static Decision onConsent(DisclosureRequest request, Collection<Consent> consents, LocalDate today) {
        List<Consent> answers = consents.stream()
                .filter(c -> c.clientId.equals(request.clientId()))
                .filter(c -> c.answersFor(request.requestingOrganisation()))
                .filter(c -> c.names(request.recipientOrganisation(), request.purpose()))
                .toList();
        Comparator<Consent> byRecording = Comparator.comparing(c -> c.recordedAt);
        Optional<Consent> covering = answers.stream()
                .filter(c -> c.status == ConsentStatus.ACTIVE)
                .filter(c -> c.includesData(request.dataCategories()) && c.validOn(today))
                .max(byRecording);
        Optional<Consent> refusal = answers.stream().filter(c -> c.status == ConsentStatus.REFUSED).max(byRecording);

        if (refusal.isPresent()
                && (covering.isEmpty() || refusal.get().recordedAt.isAfter(covering.get().recordedAt))) {
            return Decision.deny(DenialReason.REFUSED, "the client refused consent for this recipient and purpose");
        }
        if (covering.isPresent()) {
            return Decision.permit(covering.get());
        }
        boolean revokedWouldCover = answers.stream()
                .anyMatch(c -> c.status == ConsentStatus.REVOKED && c.includesData(request.dataCategories()));
        if (revokedWouldCover) {
            return Decision.deny(DenialReason.REVOKED, "the client revoked the consent this would rest on");
        }
        return Decision.deny(DenialReason.NO_VALID_CONSENT, "no valid consent and no statutory basis: fail closed");
    }

    private static String ruleOf(LegalBasis basis) {
        return switch (basis) {
            case SHL_35_INCAPABLE -> "SHL 35 §: contact without consent, the person cannot look after own health or safety";
            case SHL_35_CHILD_INTEREST -> "SHL 35 §: contact without consent, a child's interest requires it";
            case LSL_25 -> "LSL 25 §: child protection notification";
            case ASL_20 -> "AsL 20 §: a social-care authority obtains social-register data for its own task";
            case CONSENT -> "AsL 16-17 §: consent";
        };
    }
}
