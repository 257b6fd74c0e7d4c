package fi.yhdyspinta.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.platform.client.ClientId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * An act's audit records are written in the act's transaction: they commit with it and vanish with it. A refused
 * attempt is the exception — its record is written in a transaction of its own and stays although the request's
 * transaction rolls back.
 */
@PlatformTest
class AuditRecordsCommitWithTheirAct {

    @Inject
    AuditFixture fixture;

    @Inject
    AuditTrail trail;

    @Test
    void aRecordOfAnActThatRolledBackDoesNotAppear() {
        ClientId client = AuditFixture.newClient();
        assertThatThrownBy(() -> fixture.inTransaction(() -> trail.record(AuditFixture.readOf(client))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the act failed")))))
                .hasMessageContaining("the act failed");
        AuditFixture.awaitSealedAndAnchored();
        assertThat(AuditFixture.count("client_id = '" + client.value() + "'")).isZero();
    }

    @Test
    void aRecordedRefusalStaysWhenTheRequestsTransactionRollsBack() {
        ClientId client = AuditFixture.newClient();
        AuditEntry refused = AuditEntry.refused(AuditFixture.SOCIAL_WORKER, AuditAction.READ, AuditResource.REFERRAL,
                java.util.UUID.randomUUID().toString(), client, Purpose.REFERRAL, 404,
                java.util.UUID.randomUUID().toString());
        assertThatThrownBy(() -> fixture.inTransaction(() -> trail.record(AuditFixture.readOf(client))
                .chain(() -> trail.recordRefusal(refused))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("404: not yours")))))
                .hasMessageContaining("not yours");
        AuditFixture.awaitSealedAndAnchored();
        assertThat(AuditFixture.count("client_id = '" + client.value() + "'")).as("only the refusal").isEqualTo(1);
        assertThat(AuditFixture.count("client_id = '" + client.value() + "' and outcome = 'REFUSED'"
                + " and refusal_status = 404 and position is not null")).isEqualTo(1);
    }

    @Test
    void aRecordOutsideATransactionIsRefused() {
        ClientId client = AuditFixture.newClient();
        assertThatThrownBy(() -> fixture.await(() -> Panache.withSession(() -> trail.record(AuditFixture.readOf(client)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        assertThat(AuditFixture.count("client_id = '" + client.value() + "'")).isZero();
    }

    @Test
    void aListRecordsEachClientItReturned() {
        ClientId first = AuditFixture.newClient();
        ClientId second = AuditFixture.newClient();
        AuditEntry listed = AuditFixture.readOf(first);
        AuditEntry list = new AuditEntry(listed.actor(), AuditAction.LIST, listed.resourceType(), listed.resourceId(),
                first, listed.purpose(), listed.legalBasis(), listed.outcome(), null, listed.correlationId());
        fixture.write(List.of(list, list.about("b7b0f3de-51a4-4a5d-8d3c-6d1f0a2e9c11", second)));
        AuditFixture.awaitSealedAndAnchored();
        assertThat(AuditFixture.count("action = 'LIST' and correlation_id = '" + list.correlationId() + "'"
                + " and client_id in ('" + first.value() + "', '" + second.value() + "') and position is not null"))
                .isEqualTo(2);
    }

    @Test
    void anEntryWithoutAClientOrWithFreeTextCannotBeMade() {
        AuditEntry model = AuditFixture.readOf(AuditFixture.newClient());
        assertThatThrownBy(() -> model.about(model.resourceId(), null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> model.about("Matti Meikäläinen", model.clientId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Matti");
        assertThatThrownBy(() -> new AuditActor("matti.meikalainen@example.fi", null, "client"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("matti");
        assertThatThrownBy(() -> AuditEntry.refused(AuditFixture.SOCIAL_WORKER, AuditAction.READ,
                AuditResource.REFERRAL, null, model.clientId(), null, 500, model.correlationId()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
