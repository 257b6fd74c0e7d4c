package fi.yhdyspinta.ops.services;

/** One service's queues: its metrics and how many outbox rows lie quarantined now ({@code null}: unknown). */
public record ServiceBacklog(String service, ServiceMetrics metrics, Integer quarantinedRows, String unreachable) {
}
