package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.inbox;
import static fi.yhdyspinta.notification.Scenario.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.CoordinationHintRaised;
import fi.yhdyspinta.events.payload.PlanSharingRevoked;
import fi.yhdyspinta.events.payload.ResponsibleWorkerChanged;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Joint client plans (care-plans topic): a hand-over of the responsible worker tells both organisations (SHL 42 §),
 * a revoked share tells the responsible organisation and the one that lost it, and a coordination hint reaches the
 * organisations involved — once, however often its event is delivered.
 */
@NotificationServiceTest
class CarePlanEventsReachTheInboxes {

    private static final String CARE_PLAN_SERVICE = "/yhdyspinta/care-plan-service";
    private static final String CLIENT_ID = clientIdOf("150615A901E");

    @Test
    void aHandOverTellsBothOrganisations() {
        String planId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CARE_PLAN_RESPONSIBLE_WORKER_CHANGED, CLIENT_ID, new ResponsibleWorkerChanged(
                planId, CLIENT_ID, 3, "socialworker", TestUsers.SOCIAL_SERVICES, "nurse", TestUsers.HEALTH_CENTRE,
                "SERVICE_NEED_CHANGED", now()), CARE_PLAN_SERVICE);

        assertThat(awaitItem(TestUsers.NURSE, "planId", planId, "RESPONSIBLE_WORKER_CHANGED"))
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES)
                .containsEntry("clientId", CLIENT_ID);
        assertThat(awaitItem(TestUsers.SOCIAL_WORKER, "planId", planId, "RESPONSIBLE_WORKER_CHANGED"))
                .containsEntry("counterpartOrganisation", TestUsers.HEALTH_CENTRE);
        assertThat(item(TestUsers.NGO_WORKER, "planId", planId, "RESPONSIBLE_WORKER_CHANGED")).isEmpty();
    }

    @Test
    void aRevokedShareTellsTheResponsibleOrganisationAndTheOneThatLostIt() {
        String planId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CARE_PLAN_SHARING_REVOKED, CLIENT_ID, new PlanSharingRevoked(planId, CLIENT_ID, 4,
                TestUsers.NGO, UUID.randomUUID().toString(), TestUsers.SOCIAL_SERVICES, now()), CARE_PLAN_SERVICE);

        assertThat(awaitItem(TestUsers.SOCIAL_WORKER, "planId", planId, "PLAN_SHARING_REVOKED"))
                .containsEntry("counterpartOrganisation", TestUsers.NGO);
        assertThat(awaitItem(TestUsers.NGO_WORKER, "planId", planId, "PLAN_SHARING_REVOKED"))
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES);
    }

    @Test
    void aCoordinationHintReachesEachOrganisationInvolvedOnce() {
        String clientId = clientIdOf("131052-9085");
        CloudEvent hint = TestEvents.publish(EventType.CARE_PLAN_COORDINATION_HINT, clientId,
                new CoordinationHintRaised(clientId, "COORDINATED_PLAN_SUGGESTED", "coordinated-plan", null,
                        List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO),
                        new CoordinationHintRaised.Thresholds(3, 2, null), now()),
                CARE_PLAN_SERVICE);
        assertThat(awaitItem(TestUsers.NURSE, "sourceEventId", hint.id(), "COORDINATION_HINT"))
                .containsEntry("hint", "COORDINATED_PLAN_SUGGESTED")
                .containsEntry("clientId", clientId);
        awaitItem(TestUsers.NGO_WORKER, "sourceEventId", hint.id(), "COORDINATION_HINT");

        // delivered again (at-least-once), then a marker behind it on the same partition
        KafkaRecords.send(TestInfrastructure.get().kafka().bootstrapServers(), EventType.CARE_PLAN_COORDINATION_HINT
                .topic(), clientId, TestEvents.json(hint));
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CARE_PLAN_SHARING_REVOKED, clientId, new PlanSharingRevoked(marker, clientId, 1,
                TestUsers.NGO, UUID.randomUUID().toString(), TestUsers.HEALTH_CENTRE, now()), CARE_PLAN_SERVICE);
        awaitItem(TestUsers.NURSE, "planId", marker, "PLAN_SHARING_REVOKED");

        assertThat(inbox(TestUsers.NURSE)).filteredOn(i -> hint.id().equals(i.get("sourceEventId"))).hasSize(1);
        assertThat(item(TestUsers.SOCIAL_WORKER, "sourceEventId", hint.id(), "COORDINATION_HINT")).isEmpty();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
