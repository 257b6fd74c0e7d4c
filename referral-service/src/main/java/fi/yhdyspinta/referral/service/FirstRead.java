package fi.yhdyspinta.referral.service;

import java.util.UUID;
import java.util.function.Predicate;

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

    /** As {@link ReferralService#read}: audited when {@code answers}; then RECEIVED if this is the receiver's first. */
    public Uni<Referral> read(UUID id, Caller caller, String correlationId, Predicate<Referral> answers) {
        return referrals.read(id, caller, correlationId, answers).chain(r -> !ReferralService.receivesNow(r, caller)
                ? Uni.createFrom().item(r)
                : referrals.receive(id, caller, correlationId)
                        .onFailure(FirstRead::lostRace)
                        .recoverWithUni(() -> referrals.read(id, caller, correlationId, again -> false)));
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
