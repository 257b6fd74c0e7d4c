package fi.yhdyspinta.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.outbox.OutboxEvent;
import fi.yhdyspinta.platform.outbox.OutboxPublisher;
import fi.yhdyspinta.platform.outbox.OutboxSender;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Two more instances of this service's outbox publisher — each with its own Kafka producer and its own database
 * connection, as separate processes would have — race the application's own relay on the same outbox table while
 * rows keep being committed. Only the instance whose connection holds the service's advisory lock publishes, in
 * position order; and the lead is taken away from whoever holds it (its connection terminated, as when an instance
 * dies) every few transactions, so another instance takes over mid-stream: every key's events still reach Kafka in
 * the order they were recorded (D46).
 */
@ReferralServiceTest
class OutboxKeepsPerKeyOrderAcrossInstances {

    private static final int TRANSACTIONS = 20;
    private static final int ROWS_PER_TRANSACTION = 25;
    private static final int KEYS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int TERMINATE_LEAD_EVERY = 4;

    @Inject
    Vertx vertx;

    @Test
    void everyKeysEventsArriveInPositionOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "outbox-order-" + run;
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger lockedOut = new AtomicInteger();
        AtomicInteger publishedByInstances = new AtomicInteger();
        List<Thread> instances = new ArrayList<>();
        List<KafkaProducer<String, String>> producers = new ArrayList<>();
        List<OutboxPublisher> publishers = new ArrayList<>();
        int leadsTakenAway = 0;
        try {
            for (int i = 0; i < 2; i++) {
                KafkaProducer<String, String> producer = producer(bootstrap);
                producer.partitionsFor(topic); // metadata first: a send must not wait for it on the event loop
                producers.add(producer);
                OutboxPublisher instance = OutboxTable.anotherInstance(new ProducerSender(producer), vertx,
                        Duration.ofSeconds(90));
                publishers.add(instance);
                Thread loop = new Thread(() -> publishUntilStopped(instance, racing, lockedOut, publishedByInstances),
                        "outbox-instance-" + i);
                instances.add(loop);
                loop.start();
            }

            // rows keep being committed while the instances and the application's relay race for them
            Map<String, List<Integer>> recorded = new HashMap<>();
            int sequence = 0;
            for (int t = 0; t < TRANSACTIONS; t++) {
                try (Connection db = OutboxTable.database()) {
                    db.setAutoCommit(false);
                    for (int r = 0; r < ROWS_PER_TRANSACTION; r++) {
                        String key = "client-" + run + "-" + ThreadLocalRandom.current().nextInt(KEYS);
                        int seq = sequence++;
                        OutboxTable.insert(db, UUID.randomUUID(), EventType.NEED_IDENTIFIED.type(), topic, key,
                                "{\"run\":\"" + run + "\",\"key\":\"" + key + "\",\"seq\":" + seq + "}");
                        recorded.computeIfAbsent(key, k -> new ArrayList<>()).add(seq);
                    }
                    OutboxTable.notifyRelays(db);
                    db.commit();
                }
                if (t % TERMINATE_LEAD_EVERY == TERMINATE_LEAD_EVERY - 1) {
                    leadsTakenAway += OutboxTable.terminateRelayConnections();
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(5));
            }
            int total = sequence;
            await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.count(
                    "select count(*) from outbox_event where topic = ? and published_at is null", topic) == 0);
            racing.set(false);
            for (Thread loop : instances) {
                loop.join(10_000);
            }

            List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrap, List.of(topic),
                    rs -> rs.stream().map(r -> r.value()).distinct().count() >= total, Duration.ofSeconds(30));
            Map<String, Set<Integer>> arrived = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode value = JSON.readTree(record.value());
                assertThat(record.key()).isEqualTo(value.path("key").asText());
                // a redelivered record (at-least-once) counts where it first arrived
                arrived.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(value.path("seq").asInt());
            }
            assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
            recorded.forEach((key, sequences) -> assertThat(List.copyOf(arrived.get(key)))
                    .as("events of %s in arrival order", key).containsExactlyElementsOf(sequences));
            // the instances did race: rounds found the lead taken by another publisher, and the lead moved
            assertThat(lockedOut.get()).as("rounds that found another instance publishing").isPositive();
            assertThat(leadsTakenAway).as("relay connections terminated mid-stream").isPositive();
            assertThat(publishedByInstances.get()).as("events the extra instances published once they led").isPositive();
            System.out.printf("per-key order held: %d events, %d keys; the two extra instances published %d, their rounds"
                    + " found another instance publishing %d times; %d relay connections terminated%n", total,
                    recorded.size(), publishedByInstances.get(), lockedOut.get(), leadsTakenAway);
        } finally {
            racing.set(false);
            for (Thread loop : instances) {
                loop.join(10_000);
            }
            publishers.forEach(OutboxPublisher::close);
            producers.forEach(KafkaProducer::close);
        }
    }

    /** One more instance's relay: round after round, back to back, until told to stop. */
    private void publishUntilStopped(OutboxPublisher instance, AtomicBoolean racing, AtomicInteger lockedOut,
            AtomicInteger published) {
        while (racing.get()) {
            try {
                OutboxPublisher.Round round = Background.run(vertx, instance::publishPending).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                published.addAndGet(round.published());
                if (round.lockedElsewhere()) {
                    lockedOut.incrementAndGet();
                }
                if (round.published() == 0) {
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception roundFailed) {
                // like the relay: the rows stay pending for the next round
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Another process's producer. */
    private record ProducerSender(KafkaProducer<String, String> producer) implements OutboxSender {

        @Override
        public Uni<Void> send(OutboxEvent row) {
            return Uni.createFrom().emitter(emitter -> producer.send(new ProducerRecord<>(row.topic, row.key, row.payload),
                    (metadata, failure) -> {
                        if (failure != null) {
                            emitter.fail(failure);
                        } else {
                            emitter.complete(null);
                        }
                    }));
        }
    }
}
