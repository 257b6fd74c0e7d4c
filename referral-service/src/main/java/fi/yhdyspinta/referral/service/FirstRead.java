package fi.yhdyspinta.referral.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.StaleStateException;

import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Referral;
import io.smallrye.mutiny.Uni;

/**
 * A read of a referral (GET /referrals/{id}): the receiving organisation's first successful read of a SENT
 * referral moves it to RECEIVED — one transition, once. Concurrent first reads race on the referral's
 * {@code @Version}; the loser's transaction rolls back and it simply reads again: a lost race is no error for
 * the reader, who sees RECEIVED either way.
 */
@ApplicationScoped
public class FirstRead {

    private final ReferralService referrals;

    public FirstRead(ReferralService referrals) {
        this.referrals = referrals;
    }

    public Uni<Referral> read(UUID id, Caller caller) {
        return referrals.find(id, caller).chain(r -> !ReferralService.receivesNow(r, caller)
                ? Uni.createFrom().item(r)
                : referrals.receive(id, caller)
                        .onFailure(FirstRead::lostRace).recoverWithUni(() -> referrals.find(id, caller)));
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
