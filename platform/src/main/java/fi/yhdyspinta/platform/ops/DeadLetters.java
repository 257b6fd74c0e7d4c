package fi.yhdyspinta.platform.ops;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Dead letters of the topics this service consumes, for ops: listed without their data, and re-driven
 * — published again to their topic, where every consumer handles them idempotently — once each. A
 * re-drive is remembered in {@code dead_letter_redrive} in the transaction that waits for the broker's
 * acknowledgement: a refused publish remembers nothing; a commit lost after the publish at worst
 * allows a second re-drive, which the consumers' inbox makes harmless.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final DeadLetterTopics topics;
    private final DeadLetterReader reader;
    private final DeadLetterPublisher publisher;
    private final Redrives redrives;

    public DeadLetters(DeadLetterTopics topics, DeadLetterReader reader, DeadLetterPublisher publisher,
            Redrives redrives) {
        this.topics = topics;
        this.reader = reader;
        this.publisher = publisher;
        this.redrives = redrives;
    }

    /** The dead letters of the topic, or of every consumed topic when {@code topic} is null. */
    public Uni<List<DeadLetterView>> list(String topic) {
        List<String> listed = topic == null ? topics.topics() : List.of(topic);
        Map<String, String> deadLetterTopics = new java.util.LinkedHashMap<>();
        listed.forEach(t -> deadLetterTopics.put(t, topics.deadLetterTopicOf(t, "topic")));
        return blocking(() -> {
            List<DeadLetterView> letters = new ArrayList<>();
            deadLetterTopics.forEach((t, dlq) -> reader.readAll(dlq)
                    .forEach(record -> letters.add(DeadLetterRecords.view(t, record))));
            return letters;
        }).chain(letters -> Panache.withSession(() -> redrives.of(deadLetterTopics.values()))
                .map(redriven -> letters.stream().map(letter -> letter.redriven(redriven.get(
                        new Redrives.Letter(letter.deadLetterTopic(), letter.partition(), letter.offset())))).toList()));
    }

    /** Re-drives one letter; 404 when there is none at that place, 409 when it was re-driven before. */
    public Uni<DeadLetterView> redrive(String topic, int partition, long offset, String redrivenBy) {
        String deadLetterTopic = topics.deadLetterTopicOf(topic, "topic");
        return blocking(() -> reader.read(deadLetterTopic, partition, offset)).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("dead letter"));
            }
            return Panache.withTransaction(() -> publishOnce(topic, found.get(), redrivenBy)).map(redriven -> {
                if (redriven == null) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "this dead letter was re-driven already; it is not re-driven twice");
                }
                return redriven;
            });
        });
    }

    /** Re-drives every letter of the topic that was not re-driven yet, in partition and offset order. */
    public Uni<RedriveReport> redriveAll(String topic, String redrivenBy) {
        String deadLetterTopic = topics.deadLetterTopicOf(topic, "topic");
        return blocking(() -> reader.readAll(deadLetterTopic)).chain(records -> Panache.withSession(
                () -> redrives.of(List.of(deadLetterTopic))).chain(redriven -> {
                    List<ConsumerRecord<byte[], byte[]>> waiting = records.stream()
                            .filter(r -> !redriven.containsKey(new Redrives.Letter(r.topic(), r.partition(), r.offset())))
                            .toList();
                    List<DeadLetterView> done = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ConsumerRecord<byte[], byte[]> record : waiting) {
                        chain = chain.chain(() -> Panache.withTransaction(() -> publishOnce(topic, record, redrivenBy)))
                                .invoke(view -> {
                                    if (view != null) {
                                        done.add(view);
                                    }
                                }).replaceWithVoid();
                    }
                    return chain.map(ignored -> new RedriveReport(topic, done.size(), done));
                }));
    }

    /** Remembers and publishes the letter, in the caller's transaction; null when it was re-driven before. */
    private Uni<DeadLetterView> publishOnce(String topic, ConsumerRecord<byte[], byte[]> record, String redrivenBy) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Redrives.Letter letter = new Redrives.Letter(record.topic(), record.partition(), record.offset());
        return redrives.remember(letter, DeadLetterRecords.eventId(record), topic, redrivenBy, now).chain(first -> {
            if (!first) {
                return Uni.createFrom().nullItem();
            }
            return blocking(() -> {
                publisher.publish(topic, record);
                return DeadLetterRecords.view(topic, record).redriven(now);
            }).invoke(view -> LOG.infof("dead letter %s/%d/%d (event %s) re-driven to %s by %s", record.topic(),
                    record.partition(), record.offset(), view.eventId(), topic, redrivenBy));
        });
    }

    /**
     * Runs blocking Kafka work on a worker thread and comes back to the caller's Vert.x context, where
     * Hibernate Reactive's session lives.
     */
    private static <T> Uni<T> blocking(Callable<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
