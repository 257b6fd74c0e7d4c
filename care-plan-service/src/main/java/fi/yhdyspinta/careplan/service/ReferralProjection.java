package fi.yhdyspinta.careplan.service;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.careplan.domain.ClientReferral;
import fi.yhdyspinta.careplan.repository.ClientReferralRepository;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.platform.outbox.Causation;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the client overview's referral rows up to date from {@code referral-*} events. Runs inside
 * the inbox's transaction. A client's referral events arrive in order on {@code referrals}, but an
 * older one can still come after a newer one (re-driven from the dead-letter topic): a row keeps the
 * status of the newest event by the referral's {@code aggregateVersion} (by CloudEvents {@code time}
 * for an event without one), and an older event changes nothing.
 */
@ApplicationScoped
public class ReferralProjection {

    private static final Logger LOG = Logger.getLogger(ReferralProjection.class);

    private final ClientReferralRepository referrals;
    private final HintService hints;

    public ReferralProjection(ClientReferralRepository referrals, HintService hints) {
        this.referrals = referrals;
        this.hints = hints;
    }

    public Uni<Void> statusChanged(CloudEvent event, ReferralStatusChanged change) {
        ClientReferral row = new ClientReferral();
        row.referralId = UUID.fromString(change.referralId());
        row.clientId = change.clientId();
        row.senderOrganisation = change.senderOrganisation();
        row.receiverOrganisation = change.receiverOrganisation();
        row.category = NeedCategory.valueOf(change.category());
        row.status = ReferralStatus.valueOf(change.status());
        row.updatedAt = event.time().withOffsetSameInstant(ZoneOffset.UTC);
        row.lastEventId = UUID.fromString(event.id());
        row.aggregateVersion = change.aggregateVersion();
        return referrals.upsertIfNewer(row).chain(changed -> {
            if (!changed) {
                LOG.infof("%s %s for referral %s is older than the status already known: ignored", event.type(),
                        event.id(), change.referralId());
                return Uni.createFrom().voidItem();
            }
            // a service that starts or ends can make a coordination hint true: raised once, to the inboxes
            return hints.raiseNew(row.clientId, Causation.after(event));
        });
    }
}
