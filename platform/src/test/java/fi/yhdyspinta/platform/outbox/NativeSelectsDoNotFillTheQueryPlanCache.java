package fi.yhdyspinta.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.PlatformTest;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Hibernate Reactive 3.2 caches a query plan for every execution of a native select: its result-set mapping has no
 * equality, so no execution finds the previous one's plan, and all plans of one statement share a hash bucket that
 * every later lookup walks. Measured on the local stack, each service's cache sat at its maximum (2047 plans) after a
 * few minutes of load, and the walk was 3–6 % of the services' CPU (D43). So the cache is bounded small (the relay's
 * wake-up, once per event, also runs as an update, which caches no plan per execution).
 *
 * <p>The other platform tests share this application and run native selects in the background (relay rounds, the
 * archive), so the count is only compared with the bound; Caffeine evicts a little after an insert, hence the slack.
 */
@PlatformTest
class NativeSelectsDoNotFillTheQueryPlanCache {

    private static final int BOUND = 256;
    private static final int EVICTION_SLACK = 16;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Vertx vertx;

    @Test
    void theCacheStaysWithinItsBoundWhateverTheNativeSelects() {
        for (int i = 0; i < BOUND + 100; i++) {
            int n = i;
            await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                    .<Number>createNativeQuery("select cast(:n as int) + 1").setParameter("n", n).getSingleResult())));
        }
        assertThat(cachedPlans()).as("query plans cached after %d native selects", BOUND + 100)
                .isLessThanOrEqualTo(BOUND + EVICTION_SLACK);
    }

    private int cachedPlans() {
        try {
            Mutiny.SessionFactory impl = ClientProxy.unwrap(sessions);
            Field delegate = impl.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            SessionFactoryImplementor factory = (SessionFactoryImplementor) delegate.get(impl);
            return factory.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Hibernate Reactive's session factory changed shape", e);
        }
    }

    private <T> T await(Supplier<Uni<T>> work) {
        try {
            return Background.run(vertx, work).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
