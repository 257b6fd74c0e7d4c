package fi.yhdyspinta.consent.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the transactions that decide for one client. Without it a need arriving while a consent
 * is being recorded could miss the consent, and the consent miss the need (write skew), leaving the
 * need waiting although a consent covers it. The lock is PostgreSQL's transaction-scoped advisory
 * lock on the client id's hash: held until commit or rollback, never across clients.
 */
@ApplicationScoped
public class ClientLocks {

    /** Must run inside a transaction. */
    public Uni<Void> lock(String clientId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(hashtext(:client))")
                        .setParameter("client", clientId)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
