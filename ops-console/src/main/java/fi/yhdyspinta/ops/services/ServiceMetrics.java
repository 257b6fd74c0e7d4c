package fi.yhdyspinta.ops.services;

import java.util.List;
import java.util.Optional;

/**
 * What ops watch of one service's {@code /q/metrics}: the outbox backlog (pending rows) and rows quarantined so
 * far, the inbox outcomes per topic (handled, duplicate, poison, …), and, where the service keeps archive
 * documents, the archive backlog and overdue documents. {@code null}: the service does not report it.
 */
public record ServiceMetrics(Long outboxPending, Long outboxQuarantined, List<InboxOutcome> inbox, Long archiveBacklog,
        Long archiveOverdue) {

    public record InboxOutcome(String topic, String outcome, long events) {
    }

    public static ServiceMetrics of(List<MetricSample> samples) {
        List<InboxOutcome> inbox = samples.stream().filter(s -> s.name().equals("yhdyspinta_inbox_events_total"))
                .map(s -> new InboxOutcome(s.labels().getOrDefault("topic", "?"), s.labels().getOrDefault("outcome", "?"),
                        (long) s.value()))
                .sorted(java.util.Comparator.comparing(InboxOutcome::topic).thenComparing(InboxOutcome::outcome))
                .toList();
        return new ServiceMetrics(sum(samples, "yhdyspinta_outbox_pending"), sum(samples, "yhdyspinta_outbox_quarantined_total"),
                inbox, sum(samples, "archive_backlog"), sum(samples, "archive_overdue_documents"));
    }

    private static Long sum(List<MetricSample> samples, String name) {
        Optional<Double> total = samples.stream().filter(s -> s.name().equals(name)).map(MetricSample::value)
                .reduce(Double::sum);
        return total.map(Double::longValue).orElse(null);
    }
}
