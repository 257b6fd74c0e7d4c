package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.inbox;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * D41: a joint assessment invites several organisations at once; the request reaches each of them, and the
 * one overdue event of an escalation round reaches each silent invitee (an escalation for its unit lead) and the
 * requester once — not the invitee that already answered.
 */
@NotificationServiceTest
class AnOverdueAssessmentReachesEachSilentInviteeAndTheRequesterOnce {

    private static final List<String> INVITED = List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO,
            TestUsers.CENTRAL_HOSPITAL);

    @Test
    void eachSilentInviteeAndTheRequesterAreTold() {
        String clientId = clientIdOf("010190-900P");
        String id = UUID.randomUUID().toString();
        publish(EventType.JOINT_ASSESSMENT_REQUESTED, clientId, changed(id, clientId, "REQUESTED", 0, INVITED,
                List.of("REQUESTED", "REQUESTED", "REQUESTED"), INVITED));
        awaitItem(TestUsers.NURSE, "assessmentId", id, "JOINT_ASSESSMENT_REQUESTED");
        awaitItem(TestUsers.NGO_WORKER, "assessmentId", id, "JOINT_ASSESSMENT_REQUESTED");
        awaitItem(TestUsers.HOSPITAL_NURSE, "assessmentId", id, "JOINT_ASSESSMENT_REQUESTED");
        assertThat(item(TestUsers.SOCIAL_WORKER, "assessmentId", id, "JOINT_ASSESSMENT_REQUESTED")).isEmpty();

        // the NGO answered; the health centre and the hospital stayed silent past the deadline
        publish(EventType.JOINT_ASSESSMENT_OVERDUE, clientId, changed(id, clientId, "OVERDUE", 2, INVITED,
                List.of("OVERDUE", "ACKNOWLEDGED", "OVERDUE"),
                List.of(TestUsers.HEALTH_CENTRE, TestUsers.CENTRAL_HOSPITAL)));
        assertThat(awaitItem(TestUsers.UNIT_LEAD, "assessmentId", id, "JOINT_ASSESSMENT_OVERDUE"))
                .containsEntry("audience", "unit-lead")
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES);
        assertThat(awaitItem(TestUsers.HOSPITAL_NURSE, "assessmentId", id, "JOINT_ASSESSMENT_OVERDUE"))
                .containsEntry("audience", "unit-lead");
        awaitItem(TestUsers.SOCIAL_WORKER, "assessmentId", id, "JOINT_ASSESSMENT_OVERDUE");
        assertThat(inbox(TestUsers.SOCIAL_WORKER)).filteredOn(i -> id.equals(i.get("assessmentId"))).hasSize(1);
        assertThat(item(TestUsers.NGO_WORKER, "assessmentId", id, "JOINT_ASSESSMENT_OVERDUE")).isEmpty();
    }

    private static JointAssessmentChanged changed(String id, String clientId, String status, long version,
            List<String> invited, List<String> states, List<String> concerned) {
        List<JointAssessmentChanged.Invitation> invitations = new java.util.ArrayList<>();
        for (int i = 0; i < invited.size(); i++) {
            invitations.add(new JointAssessmentChanged.Invitation(invited.get(i), states.get(i)));
        }
        return new JointAssessmentChanged(id, clientId, TestUsers.SOCIAL_SERVICES, concerned.get(0), status,
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.SECONDS), version, invited,
                invitations, concerned);
    }
}
