package fi.yhdyspinta.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** Only a refusal of the record itself quarantines it; a failure that can pass, or that refuses every row, does not. */
class BrokerRefusalTest {

    @Test
    void aRecordTheBrokerCanNeverTakeIsRefusedForGood() {
        assertThat(BrokerRefusal.isPermanent(new RecordTooLargeException("The message is 2000000 bytes"))).isTrue();
        assertThat(BrokerRefusal.isPermanent(new RecordBatchTooLargeException("too large"))).isTrue();
        assertThat(BrokerRefusal.isPermanent(new InvalidTopicException("Invalid topics: [bad topic]"))).isTrue();
        assertThat(BrokerRefusal.isPermanent(new TopicAuthorizationException("Not authorized to access topics"))).isTrue();
        assertThat(BrokerRefusal.isPermanent(new SerializationException("cannot serialise"))).isTrue();
        assertThat(BrokerRefusal.isPermanent(new InvalidRecordException("key missing on a compacted topic"))).isTrue();
    }

    @Test
    void aRefusalWrappedByTheMessagingLayerIsStillRecognised() {
        Throwable wrapped = new CompletionException(new IllegalStateException("nacked",
                new RecordTooLargeException("The message is 2000000 bytes")));
        assertThat(BrokerRefusal.isPermanent(wrapped)).isTrue();
        assertThat(BrokerRefusal.reason(wrapped)).startsWith("RecordTooLargeException: The message is 2000000 bytes");
    }

    @Test
    void aFailureThatCanPassFailsTheRoundInstead() {
        assertThat(BrokerRefusal.isPermanent(new TimeoutException("Expiring 3 record(s)"))).isFalse();
        assertThat(BrokerRefusal.isPermanent(new NetworkException("disconnected"))).isFalse();
        assertThat(BrokerRefusal.isPermanent(new NotEnoughReplicasException("isr"))).isFalse();
        assertThat(BrokerRefusal.isPermanent(new UnknownTopicOrPartitionException("not created yet"))).isFalse();
        assertThat(BrokerRefusal.isPermanent(new IllegalStateException("database away"))).isFalse();
    }

    @Test
    void aFailureThatWouldRefuseEveryRowAlikeDoesNotQuarantineThem() {
        assertThat(BrokerRefusal.isPermanent(new AuthenticationException("bad credentials"))).isFalse();
        assertThat(BrokerRefusal.isPermanent(new ClusterAuthorizationException("no idempotent write"))).isFalse();
    }

    @Test
    void theReasonIsOneShortLine() {
        String reason = BrokerRefusal.reason(new InvalidTopicException("Invalid topics:\n[" + "x".repeat(1000) + "]"));
        assertThat(reason).startsWith("InvalidTopicException: Invalid topics: [xxx").doesNotContain("\n").hasSize(300);
    }
}
