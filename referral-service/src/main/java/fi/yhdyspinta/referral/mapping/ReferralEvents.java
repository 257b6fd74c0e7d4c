package fi.yhdyspinta.referral.mapping;

import java.util.Map;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Referral;

/** Entity → event payload: ids, codes and states only, never the henkilötunnus or free text. */
public final class ReferralEvents {

    private static final Map<ReferralStatus, EventType> BY_STATUS = Map.of(
            ReferralStatus.SENT, EventType.REFERRAL_SENT,
            ReferralStatus.RECEIVED, EventType.REFERRAL_RECEIVED,
            ReferralStatus.ACCEPTED, EventType.REFERRAL_ACCEPTED,
            ReferralStatus.DECLINED, EventType.REFERRAL_DECLINED,
            ReferralStatus.FORWARDED, EventType.REFERRAL_FORWARDED,
            ReferralStatus.IN_PROGRESS, EventType.REFERRAL_STARTED,
            ReferralStatus.COMPLETED, EventType.REFERRAL_COMPLETED,
            ReferralStatus.CANCELLED, EventType.REFERRAL_CANCELLED,
            ReferralStatus.SUSPENDED, EventType.REFERRAL_SUSPENDED,
            ReferralStatus.EXPIRED, EventType.REFERRAL_EXPIRED);

    private ReferralEvents() {
    }

    public static EventType typeFor(ReferralStatus status) {
        EventType type = BY_STATUS.get(status);
        if (type == null) {
            throw new IllegalArgumentException("no event for status " + status);
        }
        return type;
    }

    public static NeedIdentified needIdentified(Need need) {
        return new NeedIdentified(need.id.toString(), need.referralId.toString(), need.clientId,
                need.category.name(), need.sourceOrganisation, need.sourceSector.name(), need.targetSector.name(),
                need.targetOrganisation, need.urgency.name(), need.purpose.name(),
                need.dataCategoryList().stream().map(Enum::name).toList());
    }

    /** The referral as it now is; {@code aggregateVersion} is its {@code @Version} (flushed before this is called). */
    public static ReferralStatusChanged statusChanged(Referral referral, ReferralStatus previous) {
        return new ReferralStatusChanged(
                referral.id.toString(),
                referral.needId == null ? null : referral.needId.toString(),
                referral.clientId,
                referral.senderOrganisation,
                referral.receiverOrganisation,
                referral.category.name(),
                referral.status.name(),
                previous == null ? null : previous.name(),
                referral.consentDecisionId == null ? null : referral.consentDecisionId.toString(),
                referral.outcome == null ? null : referral.outcome.name(),
                referral.declineReason == null ? null : referral.declineReason.name(),
                referral.suggestedRecipient,
                referral.version);
    }
}
