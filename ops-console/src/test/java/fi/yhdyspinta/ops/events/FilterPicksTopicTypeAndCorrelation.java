package fi.yhdyspinta.ops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.ops.OpsConfig;

/** Filters of the stream, and one correlation id's timeline in the order the events happened. */
class FilterPicksTopicTypeAndCorrelation {

    private static EventSummary event(String topic, String type, String correlation, String time) {
        return new EventSummary(topic, 0, 0, OffsetDateTime.parse(time), "id", type, "s", correlation, null, "/src");
    }

    @Test
    void aFilterMatchesTopicExactlyTypeByPartAndCorrelationExactly() {
        EventSummary sent = event("referrals", "fi.yhdyspinta.referral.sent.v1", "c-1", "2026-11-25T10:00:00Z");

        assertThat(new EventFilter(" ", "", null).matches(sent)).isTrue();
        assertThat(new EventFilter("referrals", "referral.sent", "c-1").matches(sent)).isTrue();
        assertThat(new EventFilter("consents", null, null).matches(sent)).isFalse();
        assertThat(new EventFilter(null, "consent.granted", null).matches(sent)).isFalse();
        assertThat(new EventFilter(null, null, "c-2").matches(sent)).isFalse();
    }

    @Test
    void aTimelineIsOneCorrelationOldestFirstAndTheFeedKeepsOnlyTheLatest() {
        EventFeed feed = new EventFeed(config(3));
        EventSummary later = event("referrals", "fi.yhdyspinta.referral.sent.v1", "c-1", "2026-11-25T10:00:02Z");
        EventSummary earlier = event("needs", "fi.yhdyspinta.need.identified.v1", "c-1", "2026-11-25T10:00:01Z");
        EventSummary other = event("consents", "fi.yhdyspinta.consent.granted.v1", "c-2", "2026-11-25T10:00:03Z");
        EventSummary dropped = event("needs", "fi.yhdyspinta.need.identified.v1", "c-1", "2026-11-25T09:00:00Z");
        List.of(dropped, later, earlier, other).forEach(feed::publish);

        assertThat(feed.timeline("c-1")).containsExactly(earlier, later);
        assertThat(feed.recent(EventFilter.all(), 2)).containsExactly(other, earlier);
    }

    private static OpsConfig config(int kept) {
        return new OpsConfig() {
            @Override
            public java.util.Map<String, Service> services() {
                return java.util.Map.of();
            }

            @Override
            public Events events() {
                return new Events() {
                    @Override
                    public String group() {
                        return "g";
                    }

                    @Override
                    public int kept() {
                        return kept;
                    }
                };
            }

            @Override
            public java.time.Duration callTimeout() {
                return java.time.Duration.ofSeconds(1);
            }
        };
    }
}
