package fi.yhdyspinta.ops.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The queue figures are read from a service's Prometheus text as Micrometer names them. */
class MetricsShowQueuesPerService {

    private static final String TEXT = """
            # HELP yhdyspinta_outbox_pending
            # TYPE yhdyspinta_outbox_pending gauge
            yhdyspinta_outbox_pending 4.0
            yhdyspinta_outbox_quarantined_total 1.0
            yhdyspinta_inbox_events_total{outcome="handled",topic="consents"} 12.0
            yhdyspinta_inbox_events_total{outcome="poison",topic="consents"} 2.0
            yhdyspinta_inbox_events_total{outcome="duplicate",topic="organisations"} 3.0
            archive_backlog 5.0
            archive_overdue_documents 0.0
            http_server_requests_seconds_count{method="GET",uri="/q/health"} 7.0
            """;

    @Test
    void outboxInboxAndArchiveFigures() {
        ServiceMetrics metrics = ServiceMetrics.of(MetricSample.parse(TEXT));

        assertThat(metrics.outboxPending()).isEqualTo(4L);
        assertThat(metrics.outboxQuarantined()).isEqualTo(1L);
        assertThat(metrics.archiveBacklog()).isEqualTo(5L);
        assertThat(metrics.archiveOverdue()).isZero();
        assertThat(metrics.inbox()).containsExactly(new ServiceMetrics.InboxOutcome("consents", "handled", 12),
                new ServiceMetrics.InboxOutcome("consents", "poison", 2),
                new ServiceMetrics.InboxOutcome("organisations", "duplicate", 3));
    }

    @Test
    void aServiceWithoutArchiveReportsNone() {
        ServiceMetrics metrics = ServiceMetrics.of(MetricSample.parse("yhdyspinta_outbox_pending 0.0\n"));

        assertThat(metrics.archiveBacklog()).isNull();
        assertThat(metrics.inbox()).isEqualTo(List.of());
    }
}
