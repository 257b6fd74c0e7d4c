package fi.yhdyspinta.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the benchmark's consent→SENT span goes (issue 11, docs/performance.md): for every flow of the local stack
 * whose need and consent were both recorded after a given instant, the span from the consent's {@code recordedAt} to the referral's SENT transition,
 * split by the rows' own timestamps into the two hops it can contain. The need-identified event travels from
 * referral-service to consent-service; when the consent is recorded before that event has arrived (the benchmark
 * records it right after the need), the decision is made on the need's arrival, and the span holds the rest of that
 * first hop too. Then consent-granted travels back.
 *
 * <pre>
 *   java -cp 'deploy/target/deploy-*.jar:deploy/target/lib/*' fi.yhdyspinta.deploy.HopTimes [since-ISO-instant]
 * </pre>
 *
 * Reads the {@code referral} and {@code consent} databases of the local stack (port {@code YHDYSPINTA_POSTGRES_PORT},
 * 15432) as the application role; writes nothing.
 */
public final class HopTimes {

    /** One flow's timestamps, in epoch microseconds. */
    public record Flow(long needRow, long needPublished, long needAtConsent, long consentRecorded, long decided,
            boolean decidedOnArrival, long grantedRow, long grantedPublished, long grantedAtReferral, long sent) {
    }

    /** A named segment of the span and how to take it from a flow, in milliseconds. */
    public record Segment(String name, java.util.function.ToDoubleFunction<Flow> millis) {
    }

    public static final List<Segment> SEGMENTS = List.of(
            new Segment("consent recordedAt -> SENT (the benchmark's consent->SENT)", f -> ms(f.sent - f.consentRecorded)),
            new Segment("  need's outbox row -> consent recordedAt", f -> ms(f.consentRecorded - f.needRow)),
            new Segment("  need's outbox row -> its relay round marked it published", f -> ms(f.needPublished - f.needRow)),
            new Segment("  marked published -> consent-service's inbox has it (*)", f -> ms(f.needAtConsent - f.needPublished)),
            new Segment("  consent recordedAt -> decision", f -> ms(f.decided - f.consentRecorded)),
            new Segment("  decision -> consent-granted's outbox row", f -> ms(f.grantedRow - f.decided)),
            new Segment("  granted's outbox row -> its relay round marked it published", f -> ms(f.grantedPublished - f.grantedRow)),
            new Segment("  marked published -> referral-service's inbox has it (*)", f -> ms(f.grantedAtReferral - f.grantedPublished)),
            new Segment("  referral-service's inbox -> SENT", f -> ms(f.sent - f.grantedAtReferral)));

    private HopTimes() {
    }

    public static void main(String[] args) throws SQLException {
        Instant since = args.length > 0 ? Instant.parse(args[0]) : Instant.EPOCH;
        String port = System.getenv().getOrDefault("YHDYSPINTA_POSTGRES_PORT", "15432");
        List<Flow> flows = read("jdbc:postgresql://127.0.0.1:" + port + "/", since);
        System.out.print(report(flows));
    }

    /** The report: how many flows, how many decided on the need's arrival, and p50/p95/p99 of each segment. */
    public static String report(List<Flow> flows) {
        StringBuilder out = new StringBuilder();
        long onArrival = flows.stream().filter(Flow::decidedOnArrival).count();
        out.append(String.format(Locale.ROOT, "%d flows; consent recorded before the need had reached consent-service"
                + " (decided on its arrival): %d (%.0f %%)%n", flows.size(), onArrival,
                flows.isEmpty() ? 0.0 : 100.0 * onArrival / flows.size()));
        if (flows.isEmpty()) {
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%-72s %8s %8s %8s%n", "segment (ms)", "p50", "p95", "p99"));
        for (Segment segment : SEGMENTS) {
            double[] values = flows.stream().mapToDouble(segment.millis()).sorted().toArray();
            out.append(String.format(Locale.ROOT, "%-72s %8.1f %8.1f %8.1f%n", segment.name(),
                    percentile(values, 50), percentile(values, 95), percentile(values, 99)));
        }
        out.append("(*) a relay round marks its rows published once the broker has acknowledged all of them; a consumer"
                + " may have a row before that (negative)\n");
        return out.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static List<Flow> read(String url, Instant since) throws SQLException {
        String user = "yhdyspinta";
        Map<UUID, long[]> needHop = new HashMap<>(); // need id -> need row, published, SENT
        Map<UUID, UUID> needEvent = new HashMap<>();
        try (Connection referral = DriverManager.getConnection(url + "referral", user, user)) {
            try (PreparedStatement s = referral.prepareStatement("""
                    select r.need_id, o.event_id, o.created_at, o.published_at,
                           (select min(t.occurred_at) from referral_transition t
                             where t.referral_id = r.id and t.to_status = 'SENT') as sent
                      from outbox_event o
                      join referral r on r.need_id = (o.payload::json -> 'data' ->> 'needId')::uuid
                     where o.event_type = 'fi.yhdyspinta.need.identified.v1' and o.created_at >= ?
                       and o.published_at is not null""")) {
                s.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getTimestamp(5) == null) {
                            continue;
                        }
                        UUID need = rows.getObject(1, UUID.class);
                        needHop.put(need, new long[] {micros(rows.getTimestamp(3)), micros(rows.getTimestamp(4)),
                            micros(rows.getTimestamp(5))});
                        needEvent.put(need, rows.getObject(2, UUID.class));
                    }
                }
            }
            Map<UUID, long[]> grantHop = new LinkedHashMap<>(); // need id -> recorded, decided, on arrival, row, published
            Map<UUID, UUID> grantEvent = new HashMap<>();
            Map<UUID, Long> needArrived;
            try (Connection consent = DriverManager.getConnection(url + "consent", user, user)) {
                try (PreparedStatement s = consent.prepareStatement("""
                        select (o.payload::json -> 'data' ->> 'needId')::uuid, o.event_id, c.recorded_at, d.decided_at,
                               d.requested_by = 'event', o.created_at, o.published_at
                          from outbox_event o
                          join consent_decision d on d.id = (o.payload::json -> 'data' ->> 'decisionId')::uuid
                          join consent c on c.id = d.consent_id
                         where o.event_type = 'fi.yhdyspinta.consent.granted.v1' and o.created_at >= ?
                           and c.recorded_at >= ? and o.published_at is not null""")) {
                    s.setTimestamp(1, Timestamp.from(since));
                    s.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            UUID need = rows.getObject(1, UUID.class);
                            grantHop.put(need, new long[] {micros(rows.getTimestamp(3)), micros(rows.getTimestamp(4)),
                                rows.getBoolean(5) ? 1 : 0, micros(rows.getTimestamp(6)), micros(rows.getTimestamp(7))});
                            grantEvent.put(need, rows.getObject(2, UUID.class));
                        }
                    }
                }
                needArrived = processedAt(consent, needEvent.values());
            }
            Map<UUID, Long> grantArrived = processedAt(referral, grantEvent.values());
            List<Flow> flows = new ArrayList<>();
            grantHop.forEach((need, g) -> {
                long[] n = needHop.get(need);
                Long atConsent = needArrived.get(needEvent.get(need));
                Long atReferral = grantArrived.get(grantEvent.get(need));
                if (n != null && atConsent != null && atReferral != null) {
                    flows.add(new Flow(n[0], n[1], atConsent, g[0], g[1], g[2] == 1, g[3], g[4], atReferral, n[2]));
                }
            });
            return flows;
        }
    }

    private static Map<UUID, Long> processedAt(Connection db, java.util.Collection<UUID> events) throws SQLException {
        Map<UUID, Long> at = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "select event_id, min(processed_at) from processed_event where event_id = any(?) group by event_id")) {
            s.setArray(1, db.createArrayOf("uuid", events.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    at.put(rows.getObject(1, UUID.class), micros(rows.getTimestamp(2)));
                }
            }
        }
        return at;
    }

    private static long micros(Timestamp t) {
        return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000;
    }
}
