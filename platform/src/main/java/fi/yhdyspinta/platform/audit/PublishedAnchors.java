package fi.yhdyspinta.platform.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.platform.kafka.KafkaClientProperties;
import fi.yhdyspinta.platform.ops.BrokerUnavailableException;

/**
 * Reads this service's anchors back from the {@code audit-anchors} topic — not from the database, which a
 * rewrite could rewrite too — with a short-lived consumer of no group: every partition assigned, from the
 * beginning up to the end offsets seen at the start, keeping the anchors whose key and subject are this
 * service. The topic holds only anchors, so this is quick. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class PublishedAnchors {

    private static final Logger LOG = Logger.getLogger(PublishedAnchors.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> properties;
    private final String service;
    private final String topic;

    @Inject
    public PublishedAnchors(Config config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this(KafkaClientProperties.of(config, ConsumerConfig.configNames()), service, Topic.AUDIT_ANCHORS.topic());
    }

    PublishedAnchors(Map<String, Object> kafka, String service, String topic) {
        this.service = service;
        this.topic = topic;
        this.properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-audit-anchors");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
    }

    /** Every anchor of this service published so far, in publication order per partition. */
    public List<Anchor> read() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<Anchor> anchors = new ArrayList<>();
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (!atEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerUnavailableException(null);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (service.equals(record.key())) {
                        anchor(record.value(), record).ifPresent(anchors::add);
                    }
                }
            }
            return anchors;
        } catch (RetriableException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    private java.util.Optional<Anchor> anchor(String value, ConsumerRecord<String, String> record) {
        try {
            JsonNode event = EventJson.mapper().readTree(value);
            JsonNode data = event.path("data");
            if (!EventType.AUDIT_ANCHORED.type().equals(event.path("type").asText())
                    || !service.equals(event.path("subject").asText()) || !service.equals(data.path("service").asText())
                    || !data.path("position").canConvertToLong() || data.path("hash").asText().length() != 64) {
                LOG.warnf("not an anchor of %s at %s-%d@%d; skipped", service, record.topic(), record.partition(),
                        record.offset());
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Anchor(data.path("position").asLong(),
                    HexFormat.of().parseHex(data.path("hash").asText())));
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable record at %s-%d@%d; skipped", record.topic(), record.partition(), record.offset());
            return java.util.Optional.empty();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, TIMEOUT);
        } catch (RetriableException e) {
            throw new BrokerUnavailableException(e);
        } catch (KafkaException e) {
            return List.of(); // no such topic: nothing anchored yet
        }
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), TIMEOUT) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
