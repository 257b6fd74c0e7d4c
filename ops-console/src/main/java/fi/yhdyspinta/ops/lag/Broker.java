package fi.yhdyspinta.ops.lag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import fi.yhdyspinta.ops.OpsConfig;
import io.smallrye.common.annotation.Identifier;

/** The broker through Kafka's AdminClient: is it there, and how far behind is every consumer group. */
@ApplicationScoped
public class Broker {

    private final Admin admin;
    private final long timeoutMillis;

    public Broker(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OpsConfig config) {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.remove("group.id");
        this.admin = Admin.create(properties);
        this.timeoutMillis = config.callTimeout().toMillis();
    }

    /** The number of brokers that answered, or -1 when the cluster did not answer in time. */
    public int brokers() {
        try {
            return admin.describeCluster().nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Every consumer group's lag per partition, by group, topic and partition. */
    public List<ConsumerLag> lag() {
        try {
            List<ConsumerLag> lags = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(timeoutMillis, TimeUnit.MILLISECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((partition, offset) -> {
                    if (offset != null) {
                        latest.put(partition, OffsetSpec.latest());
                    }
                });
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
                ends.forEach((partition, end) -> lags.add(new ConsumerLag(group.groupId(), partition.topic(),
                        partition.partition(), committed.get(partition).offset(), end.offset())));
            }
            lags.sort(Comparator.comparing(ConsumerLag::group).thenComparing(ConsumerLag::topic)
                    .thenComparingInt(ConsumerLag::partition));
            return lags;
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
