package fi.yhdyspinta.careplan.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One client's plan changes and revocations one at a time (a transaction-scoped advisory lock on the client id):
 * a plan written while its consent is being revoked either sees the revocation or is seen by it.
 */
@ApplicationScoped
public class ClientLocks {

    public Uni<Void> lock(String clientId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "care-plan:" + clientId)
                .getSingleResult())
                .replaceWithVoid();
    }
}
