package fi.yhdyspinta.platform.ops;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.platform.kafka.KafkaClientProperties;

/**
 * Publishes a dead letter again to its topic, as it first came: the same key (so the same partition and
 * the client's order), value and headers — without the {@code dead-letter-*} headers the dead-letter
 * strategy added, and with {@code redriven-from: <dead-letter topic>/<partition>/<offset>}. Blocking:
 * call it off the event loop.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REDRIVEN_FROM = "redriven-from";

    private final Map<String, Object> properties;
    private volatile KafkaProducer<byte[], byte[]> producer;

    @Inject
    public DeadLetterPublisher(Config config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this(KafkaClientProperties.of(config, ProducerConfig.configNames()), application);
    }

    DeadLetterPublisher(Map<String, Object> kafka, String application) {
        this.properties = new java.util.HashMap<>(kafka);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-ops-redrive");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    }

    /** Publishes the letter to {@code topic} and waits for the broker's acknowledgement. */
    public void publish(String topic, ConsumerRecord<byte[], byte[]> letter) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().equals(REDRIVEN_FROM)) {
                record.headers().add(header);
            }
        }
        record.headers().add(REDRIVEN_FROM, (letter.topic() + "/" + letter.partition() + "/" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        } catch (TimeoutException | RetriableException e) {
            throw new BrokerUnavailableException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                throw new BrokerUnavailableException(e.getCause());
            }
            throw new IllegalStateException("the broker refused the re-driven record", e.getCause());
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(properties);
                    producer = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(2));
        }
    }
}
