package fi.yhdyspinta.platform.idempotency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} for creating requests: the same key with the same request gives the first
 * answer again (status, Location, body) without doing anything again; the same key with another
 * request is 422 {@code idempotency-key-reuse}; while the first is still being answered, 409
 * {@code idempotency-key-in-flight}. Keys belong to the caller's organisation (or, without one, to the
 * caller) and are kept {@code yhdyspinta.idempotency.retention} (24 h).
 *
 * <p>The key row is written in the same transaction as what the request creates: a failed creation
 * leaves no key, and the request may be retried with it. The work's own {@code @WithTransaction}
 * joins this transaction. A resource wraps its creating call:
 *
 * <pre>{@code
 * return idempotency.once(idempotencyKey, caller, "POST", "/needs", request,
 *         () -> needs.identify(request, caller, causation)
 *                 .map(need -> IdempotentAnswer.created("/needs/" + need.id, new NeedCreated(...))))
 *         .map(IdempotentAnswer::toResponse);
 * }</pre>
 */
@ApplicationScoped
public class Idempotency {

    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Duration retention;

    public Idempotency(ObjectMapper json,
            @ConfigProperty(name = "yhdyspinta.idempotency.retention", defaultValue = "24h") Duration retention) {
        this.json = json;
        this.canonical = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.retention = retention;
    }

    /**
     * Runs {@code work} once per key. Without a key ({@code null}: the header was not sent) it simply runs
     * it. {@code method} and {@code path} are the request's (e.g. {@code "POST"}, {@code "/needs"});
     * {@code body} is the request object as read, fingerprinted in a canonical JSON form (field order and
     * spacing do not matter; an absent field and a null one are the same).
     */
    public Uni<IdempotentAnswer> once(String key, Caller caller, String method, String path, Object body,
            Supplier<Uni<IdempotentAnswer>> work) {
        if (key == null) {
            return Uni.createFrom().deferred(work::get);
        }
        StoredKey stored;
        try {
            IdempotencyKeys.require(key);
            stored = new StoredKey(IdempotencyKeys.ownerOf(caller), IdempotencyKeys.keyHash(key),
                    IdempotencyKeys.fingerprint(method, path, canonicalJson(body)));
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> lock(stored)
                .chain(() -> forget(stored))
                .chain(() -> find(stored))
                .chain(previous -> previous != null ? Uni.createFrom().item(replay(stored, previous))
                        : Uni.createFrom().deferred(work::get).call(answer -> remember(stored, answer))));
    }

    private Uni<Void> lock(StoredKey stored) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Boolean.class)
                .setParameter("lock", IdempotencyKeys.lockId(stored.owner(), stored.keyHash()))
                .getSingleResult())
                .invoke(locked -> {
                    if (!Boolean.TRUE.equals(locked)) {
                        throw keyProblem(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                                "a request with this key is still being answered; retry in a moment");
                    }
                }).replaceWithVoid();
    }

    /** An expired key is as good as new: its row goes before the key is looked up. */
    private Uni<Void> forget(StoredKey stored) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_key where owner = :owner and key_hash = :key "
                        + "and created_at <= :cutoff")
                .setParameter("owner", stored.owner())
                .setParameter("key", stored.keyHash())
                .setParameter("cutoff", cutoff())
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Object[]> find(StoredKey stored) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select fingerprint, status, location, body from idempotency_key "
                        + "where owner = :owner and key_hash = :key", Object[].class)
                .setParameter("owner", stored.owner())
                .setParameter("key", stored.keyHash())
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private static IdempotentAnswer replay(StoredKey stored, Object[] previous) {
        if (!stored.fingerprint().equals(previous[0])) {
            throw keyProblem(ProblemType.IDEMPOTENCY_KEY_REUSE,
                    "was used for another request (method, path or body); send a new key with a new request");
        }
        String location = (String) previous[2];
        return new IdempotentAnswer(((Number) previous[1]).intValue(), location.isEmpty() ? null : location,
                previous[3], true);
    }

    private Uni<Void> remember(StoredKey stored, IdempotentAnswer answer) {
        String body;
        try {
            body = json.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("answer cannot be written as JSON", e));
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into idempotency_key (owner, key_hash, fingerprint, status, location, body, "
                        + "created_at) values (:owner, :key, :fingerprint, :status, :location, :body, :createdAt)")
                .setParameter("owner", stored.owner())
                .setParameter("key", stored.keyHash())
                .setParameter("fingerprint", stored.fingerprint())
                .setParameter("status", answer.status())
                .setParameter("location", answer.location() == null ? "" : answer.location())
                .setParameter("body", body)
                .setParameter("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    private OffsetDateTime cutoff() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
    }

    String canonicalJson(Object body) {
        try {
            return canonical.writeValueAsString(canonical.convertValue(body, Object.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }

    private static ProblemException keyProblem(ProblemType type, String message) {
        return new ProblemException(type, IdempotencyKeys.HEADER + ": " + message,
                List.of(new Problem.FieldError(IdempotencyKeys.HEADER, message)), Map.of());
    }

    private record StoredKey(String owner, String keyHash, String fingerprint) {
    }
}
