package fi.yhdyspinta.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.deploy.HopTimes.Flow;

class HopTimesTest {

    /** A flow whose consent was recorded 3 ms after the need's row, before the need reached consent-service. */
    private static Flow flow(long startMicros, boolean onArrival, long sentAfterMicros) {
        long t = startMicros;
        return new Flow(t, t + 6_000, t + 8_000, t + 3_000, t + 9_000, onArrival, t + 10_000, t + 14_000, t + 15_500,
                t + 3_000 + sentAfterMicros);
    }

    @Test
    void splitsTheSpanIntoItsHopsByTheRowsOwnTimestamps() {
        String report = HopTimes.report(List.of(flow(0, true, 17_000)));

        assertThat(report).contains("1 flows;").contains("decided on its arrival): 1 (100 %)");
        assertThat(line(report, "consent recordedAt -> SENT")).contains("17.0");
        assertThat(line(report, "need's outbox row -> its relay round")).contains("6.0");
        assertThat(line(report, "consent-service's inbox")).contains("2.0");
        assertThat(line(report, "consent recordedAt -> decision")).contains("6.0");
        assertThat(line(report, "granted's outbox row -> its relay round")).contains("4.0");
        assertThat(line(report, "referral-service's inbox has it")).contains("1.5");
    }

    @Test
    void percentilesAreNearestRankOverAllFlows() {
        List<Flow> flows = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            flows.add(flow(i * 1_000_000L, i % 4 == 0, i * 1_000L));
        }
        String report = HopTimes.report(flows);

        assertThat(report).contains("100 flows;").contains("(25 %)");
        assertThat(line(report, "consent recordedAt -> SENT")).matches(".*\\s50\\.0\\s+95\\.0\\s+99\\.0\\s*");
        assertThat(HopTimes.percentile(new double[] {1, 2, 3}, 50)).isEqualTo(2);
    }

    @Test
    void noFlowsIsSaidPlainly() {
        assertThat(HopTimes.report(List.of())).startsWith("0 flows;").doesNotContain("p50");
    }

    private static String line(String report, String segment) {
        return report.lines().filter(l -> l.contains(segment)).findFirst().orElseThrow();
    }
}
