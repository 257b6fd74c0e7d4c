package fi.yhdyspinta.referral.mapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.referral.domain.ConsentStatus;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.rest.NeedView;
import fi.yhdyspinta.referral.rest.ReferralView;

/**
 * What an organisation sees of a referral and its need (DESIGN §7, AsL 16–17 §: consent first, then
 * only what was permitted). The one place that decides it: every read — single, list, and the answers
 * of the receiver's actions — goes through here. Pure: entities in, views out.
 *
 * <h2>What a receiver sees</h2>
 * <ul>
 * <li><b>Before a permit</b> ({@code AWAITING_CONSENT}, denied, or cancelled/expired without one):
 * nothing — the referral and its need do not exist for the receiver (404, absent from lists).</li>
 * <li><b>With a permit</b> (SENT and after): the ids (referral, need, both organisations, the
 * pseudonymous client id), status and timestamps, the decision it rests on (decision id, legal basis,
 * permitted categories) and its own answers (outcome, feedback, decline reason, suggested recipient);
 * client data only by category:
 * <ul>
 * <li>{@link DataCategory#CONTACT_DETAILS} — the henkilötunnus ({@code client}), whom to contact;</li>
 * <li>{@link DataCategory#NEED_SUMMARY} — the need category and urgency.</li>
 * </ul>
 * HEALTH_RECORD, SOCIAL_RECORD and CARE_PLAN carry nothing here: referral-service holds no such data.
 * {@code redacted} lists the categories of client data this view carries that were withheld.</li>
 * <li><b>After the permit ended</b> (SUSPENDED on revocation or a prohibition, and whatever follows):
 * ids and status only.</li>
 * </ul>
 * The sender sees its own referral whole, with where the consent stands ({@code consentStatus},
 * {@code consentDenialReason}). Any other organisation sees nothing.
 */
public final class ReferralDisclosure {

    /** The client data categories a referral view carries (see the class comment). */
    static final Set<DataCategory> CARRIED = EnumSet.of(DataCategory.CONTACT_DETAILS, DataCategory.NEED_SUMMARY);

    /** How much of a referral an organisation may see. */
    public enum Access {
        /** The sending organisation: all of it. */
        SENDER,
        /** The receiver holding a permit: the permitted categories. */
        PERMITTED,
        /** The receiver after the permit ended: ids and status only. */
        WITHDRAWN,
        /** Anyone else, and the receiver before a permit: the referral does not exist for them. */
        NONE
    }

    private ReferralDisclosure() {
    }

    public static Access accessOf(Referral r, String organisation) {
        if (organisation == null) {
            return Access.NONE;
        }
        if (organisation.equals(r.senderOrganisation)) {
            return Access.SENDER;
        }
        if (!organisation.equals(r.receiverOrganisation) || !r.everPermitted()) {
            return Access.NONE;
        }
        if (r.status == ReferralStatus.SUSPENDED || r.consentStatus == ConsentStatus.REVOKED
                || r.consentStatus == ConsentStatus.DENIED) {
            return Access.WITHDRAWN;
        }
        return Access.PERMITTED;
    }

    public static boolean visibleTo(Referral r, String organisation) {
        return accessOf(r, organisation) != Access.NONE;
    }

    /** The referral as {@code organisation} may see it; never call for an organisation without access. */
    public static ReferralView view(Referral r, String organisation) {
        Access access = accessOf(r, organisation);
        Set<DataCategory> shown = shown(r, access);
        boolean sender = access == Access.SENDER;
        boolean permitted = sender || access == Access.PERMITTED;
        return new ReferralView(r.id, r.needId,
                shown.contains(DataCategory.CONTACT_DETAILS) ? r.clientHetu : null,
                permitted ? r.clientId : null,
                shown.contains(DataCategory.NEED_SUMMARY) ? r.category : null,
                shown.contains(DataCategory.NEED_SUMMARY) ? r.urgency : null,
                r.senderOrganisation, r.receiverOrganisation, r.status,
                permitted ? r.consentDecisionId : null,
                permitted ? r.legalBasis : null,
                permitted ? r.outcome : null,
                permitted ? r.feedback : null,
                permitted ? r.declineReason : null,
                permitted ? r.suggestedRecipient : null,
                permitted ? r.createdAt : null,
                permitted ? r.updatedAt : null,
                ReferralLifecycle.allowedAfter(r.status),
                sender ? r.consentStatus : null,
                sender ? r.consentDenialReason : null,
                permitted && r.everPermitted() ? sorted(r.permittedDataCategorySet()) : null,
                redacted(shown),
                permitted ? r.dueAt : null,
                permitted ? r.overdueAt : null,
                permitted ? r.forwardedFrom : null,
                permitted ? r.forwardedTo : null,
                permitted ? r.forwardReason : null,
                r.version);
    }

    /** The need as {@code organisation} may see it: its visibility follows its referral's. */
    public static NeedView view(Need n, Referral r, String organisation) {
        Access access = accessOf(r, organisation);
        Set<DataCategory> shown = shown(r, access);
        boolean permitted = access == Access.SENDER || access == Access.PERMITTED;
        return new NeedView(n.id,
                shown.contains(DataCategory.CONTACT_DETAILS) ? n.clientHetu : null,
                permitted ? n.clientId : null,
                shown.contains(DataCategory.NEED_SUMMARY) ? n.category : null,
                n.sourceOrganisation,
                permitted ? n.targetSector : null,
                n.targetOrganisation,
                shown.contains(DataCategory.NEED_SUMMARY) ? n.urgency : null,
                permitted ? n.purpose : null,
                permitted ? n.dataCategoryList() : null,
                n.referralId,
                permitted ? n.identifiedAt : null,
                redacted(shown));
    }

    /** The carried categories this access shows. */
    private static Set<DataCategory> shown(Referral r, Access access) {
        return switch (access) {
            case SENDER -> EnumSet.copyOf(CARRIED);
            case PERMITTED -> {
                Set<DataCategory> shown = r.permittedDataCategorySet();
                shown.retainAll(CARRIED);
                yield shown;
            }
            case WITHDRAWN -> EnumSet.noneOf(DataCategory.class);
            case NONE -> throw new IllegalStateException("no view for an organisation without access");
        };
    }

    private static List<DataCategory> redacted(Set<DataCategory> shown) {
        Set<DataCategory> withheld = EnumSet.copyOf(CARRIED);
        withheld.removeAll(shown);
        return sorted(withheld);
    }

    private static List<DataCategory> sorted(Set<DataCategory> categories) {
        return categories.stream().sorted().toList();
    }
}
