package fi.yhdyspinta.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every instance of a service derives the same channel and lock; two services never share them. */
class OutboxSignalsTest {

    @Test
    void theChannelIsAPlainIdentifierNamedAfterTheService() {
        assertThat(OutboxSignals.channel("referral-service")).isEqualTo("outbox_referral_service");
        assertThat(OutboxSignals.channel("Care Plan.Service")).isEqualTo("outbox_care_plan_service");
        assertThat(OutboxSignals.channel("x".repeat(100))).hasSize(63);
    }

    @Test
    void theLockKeyIsStableAndDiffersPerService() {
        assertThat(OutboxSignals.lockKey("referral-service")).isEqualTo(OutboxSignals.lockKey("referral-service"));
        assertThat(OutboxSignals.lockKey("referral-service")).isNotEqualTo(OutboxSignals.lockKey("consent-service"));
    }
}
