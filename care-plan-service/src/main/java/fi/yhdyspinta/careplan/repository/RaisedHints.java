package fi.yhdyspinta.careplan.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.CoordinationHint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which coordination hints went to inboxes already: once per client, hint and plan. */
@ApplicationScoped
public class RaisedHints {

    /** The subject of a hint about the client as a whole (no plan). */
    public static final UUID WHOLE_CLIENT = new UUID(0, 0);

    /** Remembers the hint; answers true only the first time (one statement, so two raisers never both win). */
    public Uni<Boolean> firstTime(String clientId, CoordinationHint hint, UUID planId, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into raised_hint (client_id, hint, plan_id, raised_at) values (:client, :hint, :plan, :at) "
                        + "on conflict do nothing")
                .setParameter("client", clientId)
                .setParameter("hint", hint.name())
                .setParameter("plan", planId == null ? WHOLE_CLIENT : planId)
                .setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}
