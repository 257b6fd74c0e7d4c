package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.jointAssessment;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * THL 32.2 §: an unacknowledged invitation escalates to the invited health care unit and back to the social services
 * that asked (closed loop); the invitation itself goes to the invited unit only.
 */
@NotificationServiceTest
class AnOverdueInvitationAlsoReachesTheRequester {

    @Test
    void theRequesterIsToldOfTheEscalationNotOfTheInvitation() {
        String clientId = clientIdOf("010190-900P");
        String assessmentId = UUID.randomUUID().toString();
        publish(EventType.JOINT_ASSESSMENT_REQUESTED, clientId, jointAssessment(assessmentId, clientId, "REQUESTED"));
        awaitItem(TestUsers.NURSE, "assessmentId", assessmentId, "JOINT_ASSESSMENT_REQUESTED");
        assertThat(item(TestUsers.SOCIAL_WORKER, "assessmentId", assessmentId, "JOINT_ASSESSMENT_REQUESTED")).isEmpty();

        publish(EventType.JOINT_ASSESSMENT_OVERDUE, clientId, jointAssessment(assessmentId, clientId, "OVERDUE"));
        assertThat(awaitItem(TestUsers.SOCIAL_WORKER, "assessmentId", assessmentId, "JOINT_ASSESSMENT_OVERDUE"))
                .containsEntry("counterpartOrganisation", TestUsers.HEALTH_CENTRE);
        assertThat(awaitItem(TestUsers.UNIT_LEAD, "assessmentId", assessmentId, "JOINT_ASSESSMENT_OVERDUE"))
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES);
        assertThat(item(TestUsers.NGO_WORKER, "assessmentId", assessmentId, "JOINT_ASSESSMENT_OVERDUE")).isEmpty();
    }
}
