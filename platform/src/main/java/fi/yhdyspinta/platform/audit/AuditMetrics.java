package fi.yhdyspinta.platform.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The audit trail for ops, without personal data (no tags at all): {@code audit_records_written_total}
 * (records sealed into the chain by this instance), {@code audit_chain_length} (the head position),
 * {@code audit_unsealed} (records waiting for the sealer), {@code audit_verify_last_ok} (1 when the last
 * verify found the chain whole, 0 when broken; NaN before the first verify of this instance).
 */
@ApplicationScoped
public class AuditMetrics {

    private final Counter written;
    private final AtomicLong chainLength = new AtomicLong();
    private final AtomicLong unsealed = new AtomicLong();
    private final AtomicReference<Double> verifyLastOk = new AtomicReference<>(Double.NaN);

    public AuditMetrics(MeterRegistry registry) {
        this.written = Counter.builder("audit.records.written")
                .description("audit records sealed into the service's hash chain").register(registry);
        Gauge.builder("audit.chain.length", chainLength, AtomicLong::get)
                .description("position of the head of the service's audit chain").register(registry);
        Gauge.builder("audit.unsealed", unsealed, AtomicLong::get)
                .description("audit records committed and not yet sealed into the chain").register(registry);
        Gauge.builder("audit.verify.last.ok", verifyLastOk, AtomicReference::get)
                .description("1 when the last GET /audit/verify found the chain whole, 0 when broken").register(registry);
    }

    void sealed(int records, long head) {
        written.increment(records);
        if (head >= 0) {
            chainLength.accumulateAndGet(head, Math::max);
        }
    }

    void sizes(long head, long waiting) {
        chainLength.set(head);
        unsealed.set(waiting);
    }

    void verified(boolean ok) {
        verifyLastOk.set(ok ? 1.0 : 0.0);
    }
}
