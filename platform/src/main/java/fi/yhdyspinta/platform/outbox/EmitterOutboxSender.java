package fi.yhdyspinta.platform.outbox;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import fi.yhdyspinta.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends through the service's one {@code outbox} channel (SmallRye Kafka connector, idempotent producer,
 * {@code acks=all}); the topic and key are set per record. The channel hands records to the producer in
 * the order they are sent here, and the idempotent producer keeps that order within a partition.
 */
@ApplicationScoped
public class EmitterOutboxSender implements OutboxSender {

    private final MutinyEmitter<String> emitter;

    public EmitterOutboxSender(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .withHeaders(headers)
                .build());
        // lazy: the message enters the channel when the Uni is subscribed to
        return emitter.sendMessage(message);
    }

    /**
     * During start-up the relay may run before messaging has wired the {@code outbox} channel to Kafka;
     * until then nothing can be sent and the rows simply wait.
     */
    @Override
    public boolean ready() {
        try {
            return emitter.hasRequests();
        } catch (RuntimeException notWiredYet) {
            return false;
        }
    }
}
