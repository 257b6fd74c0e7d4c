package fi.yhdyspinta.consent.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.platform.kafka.KafkaClientProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Ops metric {@code audit_consumer_lag{topic="audit"}}: how many audit records on {@code audit} this service's access
 * log has not yet consumed — the sum over partitions of the end offset minus the consumer group's committed offset
 * (a partition the group never committed counts from its start). -1 until measured, and while the broker does not
 * answer. No personal data: a number per topic.
 */
@Startup
@ApplicationScoped
public class AuditConsumerLag {

    private static final Logger LOG = Logger.getLogger(AuditConsumerLag.class);
    private static final String TOPIC = Topic.AUDIT.topic();

    private final Map<String, Object> properties;
    private final String groupId;
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile Admin admin;

    public AuditConsumerLag(Config config, MeterRegistry metrics) {
        String application = config.getValue("quarkus.application.name", String.class);
        this.groupId = config.getOptionalValue("mp.messaging.incoming.audit.group.id", String.class)
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElse(application);
        this.properties = new HashMap<>(KafkaClientProperties.of(config, AdminClientConfig.configNames()));
        this.properties.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-audit-lag");
        this.properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        this.properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Gauge.builder("audit.consumer.lag", lag, AtomicLong::get)
                .description("Audit records on the audit topic not yet consumed into the clients' access log")
                .tag("topic", TOPIC)
                .register(metrics);
    }

    @Scheduled(every = "${yhdyspinta.access-log.lag-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            lag.set(current());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag.set(-1);
            LOG.debugf("audit consumer lag not measured: %s", e.getClass().getSimpleName());
        }
    }

    /** End offsets minus committed offsets of the group, over the topic's partitions. */
    long current() throws Exception {
        Admin client = admin();
        var description = client.describeTopics(java.util.List.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.get(TOPIC).partitions()
                .forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        long total = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            total += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return total;
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(properties);
                }
                client = admin;
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        Admin client = admin;
        if (client != null) {
            client.close(java.time.Duration.ofSeconds(2));
        }
    }
}
