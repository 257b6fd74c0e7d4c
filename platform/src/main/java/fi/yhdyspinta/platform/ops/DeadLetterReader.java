package fi.yhdyspinta.platform.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.platform.kafka.KafkaClientProperties;

/**
 * Reads dead-letter topics with a plain consumer of no group (manual {@code assign}, from the beginning,
 * short polls, up to the end offsets seen at the start), so reading commits nothing and disturbs no
 * consumer. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class DeadLetterReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> properties;
    private final int maxRead;

    @Inject
    public DeadLetterReader(Config config,
            @ConfigProperty(name = "yhdyspinta.ops.dead-letters.max-read", defaultValue = "10000") int maxRead,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this(KafkaClientProperties.of(config, ConsumerConfig.configNames()), maxRead, application);
    }

    DeadLetterReader(Map<String, Object> kafka, int maxRead, String application) {
        this.maxRead = maxRead;
        this.properties = new java.util.HashMap<>(kafka);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-ops-dead-letters");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
    }

    /** Every record of the topic (at most {@code yhdyspinta.ops.dead-letters.max-read}), by partition and offset. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (records.size() < maxRead && !atEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerUnavailableException(null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.getOrDefault(partition, 0L) && records.size() < maxRead) {
                        records.add(record);
                    }
                }
            }
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        } catch (RetriableException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    /** The record at the partition and offset of the topic, if there is one. */
    public Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            TopicPartition wanted = new TopicPartition(topic, partition);
            if (!partitionsOf(consumer, topic).contains(wanted)) {
                return Optional.empty();
            }
            consumer.assign(List.of(wanted));
            long begin = consumer.beginningOffsets(List.of(wanted), TIMEOUT).getOrDefault(wanted, 0L);
            long end = consumer.endOffsets(List.of(wanted), TIMEOUT).getOrDefault(wanted, 0L);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(wanted, offset);
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (consumer.position(wanted) <= offset) {
                if (System.nanoTime() > deadline) {
                    throw new BrokerUnavailableException(null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= offset) {
                        return record.offset() == offset ? Optional.of(record) : Optional.empty();
                    }
                }
            }
            return Optional.empty(); // the offset holds no record (a transaction marker, or compacted away)
        } catch (RetriableException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, TIMEOUT);
        } catch (RetriableException e) {
            throw new BrokerUnavailableException(e);
        } catch (KafkaException e) {
            return List.of(); // no such topic: no dead letters yet
        }
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), TIMEOUT) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
