package fi.yhdyspinta.ops.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.ops.events.EventSummaries;

/**
 * What the console asks of the services: their health, metrics, audit chain, quarantined outbox rows and dead
 * letters, and re-drives. Only ids, codes, counts and states are kept of their answers.
 */
@ApplicationScoped
public class OpsServices {

    private final ServiceCalls calls;
    private final ObjectMapper json;

    public OpsServices(ServiceCalls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public List<String> names() {
        return calls.names();
    }

    public List<ServiceHealth> health() {
        List<ServiceHealth> all = new ArrayList<>();
        for (String service : calls.names()) {
            all.add(health(service));
        }
        return all;
    }

    private ServiceHealth health(String service) {
        ServiceCalls.Answer answer = calls.getPublic(service, "/q/health");
        String status = "DOWN";
        String database = "?";
        List<ServiceHealth.Check> checks = new ArrayList<>();
        JsonNode body = read(answer);
        if (body != null) {
            status = body.path("status").asText("DOWN");
            for (JsonNode check : body.path("checks")) {
                String name = check.path("name").asText();
                String checkStatus = check.path("status").asText();
                checks.add(new ServiceHealth.Check(name, checkStatus));
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("postgres") || lower.contains("database") || lower.contains("datasource")) {
                    database = "?".equals(database) || "UP".equals(database) ? checkStatus : database;
                }
            }
        } else if (answer.status() == 0) {
            status = "UNREACHABLE";
        }
        JsonNode verify = read(calls.get(service, "/audit/verify"));
        String audit = verify == null ? "?" : verify.path("status").asText("?");
        Long records = verify == null ? null : verify.path("count").asLong();
        ServiceMetrics metrics = metrics(service);
        return new ServiceHealth(service, status, checks, database, audit, records,
                metrics == null ? null : metrics.archiveBacklog(), metrics == null ? null : metrics.archiveOverdue());
    }

    public List<ServiceBacklog> backlogs() {
        List<ServiceBacklog> all = new ArrayList<>();
        for (String service : calls.names()) {
            ServiceMetrics metrics = metrics(service);
            JsonNode quarantine = read(calls.get(service, "/ops/outbox/quarantine"));
            all.add(new ServiceBacklog(service, metrics, quarantine == null ? null : quarantine.size(),
                    metrics == null ? "metrics unreachable" : null));
        }
        return all;
    }

    private ServiceMetrics metrics(String service) {
        ServiceCalls.Answer answer = calls.getPublic(service, "/q/metrics");
        return answer.ok() ? ServiceMetrics.of(MetricSample.parse(answer.body())) : null;
    }

    /** Every service's dead letters (a topic is listed by each service that consumes it). */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> all = new ArrayList<>();
        for (String service : calls.names()) {
            JsonNode letters = read(calls.get(service, "/ops/dead-letters"));
            if (letters != null) {
                letters.forEach(letter -> all.add(deadLetter(service, letter)));
            }
        }
        return all;
    }

    /** Re-drives one dead letter through the service's ops endpoint: the service's HTTP status. */
    public int redrive(String service, String topic, int partition, long offset) {
        return calls.post(service, "/ops/dead-letters/" + encode(topic) + "/" + partition + "/" + offset + "/redrive")
                .status();
    }

    /** Re-drives every dead letter of the topic not re-driven yet: the service's HTTP status. */
    public int redriveAll(String service, String topic) {
        return calls.post(service, "/ops/dead-letters/redrive?topic=" + encode(topic)).status();
    }

    private DeadLetter deadLetter(String service, JsonNode letter) {
        return new DeadLetter(service, letter.path("topic").asText(), letter.path("partition").asInt(),
                letter.path("offset").asLong(), text(letter, "time"), EventSummaries.idOrHidden(text(letter, "eventId")),
                EventSummaries.idOrHidden(text(letter, "eventType")), EventSummaries.shortSubject(text(letter, "subject")),
                text(letter, "reason"), text(letter, "redrivenAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode read(ServiceCalls.Answer answer) {
        if (answer.body() == null || answer.body().isEmpty() || (!answer.ok() && answer.status() != 503)) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
