package fi.yhdyspinta.careplan;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import fi.yhdyspinta.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Test-only SQL through Panache on the service's own database: arranging time, and counting rows. */
final class Database {

    private Database() {
    }

    /** Moves a joint assessment's deadline, e.g. into the past, as if time had passed. */
    static void moveDeadline(String assessmentId, OffsetDateTime deadline) {
        int updated = await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "update joint_assessment set deadline = :deadline where id = :id")
                        .setParameter("deadline", deadline)
                        .setParameter("id", UUID.fromString(assessmentId))
                        .executeUpdate())));
        if (updated != 1) {
            throw new AssertionError("no joint assessment " + assessmentId);
        }
    }

    /** How many events of the type mention the id in the outbox (published or not). */
    static long outboxEvents(EventType type, String id) {
        return await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from outbox_event where topic = :topic "
                        + "and payload like :type and payload like :id", Long.class)
                        .setParameter("topic", type.topic())
                        .setParameter("type", "%\"type\":\"" + type.type() + "\"%")
                        .setParameter("id", "%" + id + "%")
                        .getSingleResult())));
    }

    /** How many times this service recorded the event as processed (the inbox). */
    static long processed(String eventId) {
        return await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id", Long.class)
                        .setParameter("id", UUID.fromString(eventId))
                        .getSingleResult())));
    }

    /** How many hand-overs (the first assignment included) the plan's history holds. */
    static long handOvers(String planId) {
        return await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from responsible_worker_change where plan_id = :id", Long.class)
                        .setParameter("id", UUID.fromString(planId))
                        .getSingleResult())));
    }

    /** Tries to leave the plan without a responsible worker, as a careless import would. */
    static void clearResponsibleWorker(String planId) {
        await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "update care_plan set responsible_worker = null, responsible_organisation = null where id = :id")
                        .setParameter("id", UUID.fromString(planId))
                        .executeUpdate())));
    }

    /** Marks the plan imported from a legacy system, without a responsible worker (RESPONSIBLE_WORKER_MISSING). */
    static void importedWithoutResponsibleWorker(String planId) {
        await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("update care_plan set imported = true, "
                        + "responsible_worker = null, responsible_organisation = null where id = :id")
                        .setParameter("id", UUID.fromString(planId))
                        .executeUpdate())));
    }

    /** Whether the joint assessment still keeps a henkilötunnus (only until its archive document holds it). */
    static boolean keepsHenkilotunnus(String assessmentId) {
        return await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from joint_assessment where id = :id and client_hetu is not null", Long.class)
                        .setParameter("id", UUID.fromString(assessmentId))
                        .getSingleResult()))) > 0;
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("database step failed", e);
        }
    }
}
