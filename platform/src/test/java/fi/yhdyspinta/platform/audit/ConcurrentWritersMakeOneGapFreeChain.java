package fi.yhdyspinta.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.PlatformTest;
import io.restassured.path.json.JsonPath;

/**
 * Acts of many clients commit at the same time without waiting for a chain lock; the sealer still makes one
 * chain of them: positions 1…n without a gap or a duplicate, every record in it, and it verifies.
 */
@PlatformTest
class ConcurrentWritersMakeOneGapFreeChain {

    private static final int WRITERS = 8;
    private static final int RECORDS_EACH = 50;

    @Inject
    AuditFixture fixture;

    @Test
    void eightWritersOfFiftyRecordsEachMakeOneChain() throws Exception {
        long before = AuditFixture.count("true");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < RECORDS_EACH; i++) {
                        fixture.write(List.of(AuditFixture.readOf(AuditFixture.newClient())));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditFixture.awaitSealedAndAnchored();
        long total = AuditFixture.count("true");
        assertThat(total - before).isEqualTo(WRITERS * RECORDS_EACH);
        assertThat(AuditFixture.count("position is null")).isZero();
        assertThat(AuditFixture.queryLong("select max(position) from audit_record")).isEqualTo(total);
        assertThat(AuditFixture.queryLong("select count(distinct position) from audit_record")).isEqualTo(total);
        JsonPath verified = Verify.asAuditor();
        assertThat(verified.getString("status")).isEqualTo("OK");
        assertThat(verified.getLong("count")).isEqualTo(total);
    }
}
