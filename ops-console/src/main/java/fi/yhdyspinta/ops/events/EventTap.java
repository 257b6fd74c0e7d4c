package fi.yhdyspinta.ops.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import fi.yhdyspinta.ops.OpsConfig;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The console's consumer (its own group) on every family topic of the AsyncAPI document, from the newest record
 * on: each record's envelope becomes an {@link EventSummary} in the {@link EventFeed}. It only watches: it never
 * writes, and its offsets matter to nobody else.
 */
@ApplicationScoped
public class EventTap {

    private static final Logger LOG = Logger.getLogger(EventTap.class);

    private final EventFeed feed;
    private final Properties properties = new Properties();
    private final List<String> topics = FamilyTopics.ofDocument();
    private final AtomicBoolean assigned = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private Thread thread;

    public EventTap(EventFeed feed, OpsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.feed = feed;
        properties.putAll(kafkaConfig); // every kafka.* setting: bootstrap servers, a deployment's TLS
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.events().group());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    void start(@Observes StartupEvent start) {
        thread = new Thread(this::run, "ops-event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** True once the consumer holds partitions of the family topics: events from now on reach the stream. */
    public boolean assigned() {
        return assigned.get();
    }

    public List<String> topics() {
        return topics;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties)) {
                consumer = kafka;
                kafka.subscribe(topics);
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                        feed.publish(EventSummaries.of(record.topic(), record.partition(), record.offset(), record.value()));
                    }
                    assigned.set(!kafka.assignment().isEmpty());
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                assigned.set(false);
                LOG.warnf("event stream consumer failed (%s); starting again in 5 s", e.getClass().getSimpleName());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
