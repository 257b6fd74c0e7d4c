package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.consentRequested;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.jointAssessment;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** Consent requests and joint assessment invitations reach the organisation that must act. */
@NotificationServiceTest
class CareNotificationsTest {

    private static final String CLIENT_ID = clientIdOf("010190-900P");

    @Test
    void consentRequestTellsTheRequestingProfessionalToAskTheClient() {
        String needId = UUID.randomUUID().toString();
        publish(EventType.CONSENT_REQUESTED, CLIENT_ID, consentRequested(needId, CLIENT_ID));

        assertThat(awaitItem(TestUsers.NURSE, "needId", needId, "CONSENT_REQUESTED"))
                .containsEntry("purpose", "REFERRAL")
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES)
                .containsEntry("clientId", CLIENT_ID);
        assertThat(item(TestUsers.SOCIAL_WORKER, "needId", needId, "CONSENT_REQUESTED")).isEmpty();
    }

    @Test
    void jointAssessmentInvitationAndItsEscalationReachTheInvitedUnit() {
        String assessmentId = UUID.randomUUID().toString();
        JointAssessmentChanged requested = jointAssessment(assessmentId, CLIENT_ID, "REQUESTED");
        publish(EventType.JOINT_ASSESSMENT_REQUESTED, CLIENT_ID, requested);

        Map<String, Object> invitation = awaitItem(TestUsers.NURSE, "assessmentId", assessmentId,
                "JOINT_ASSESSMENT_REQUESTED");
        assertThat(invitation).containsEntry("assessmentStatus", "REQUESTED");
        assertThat(OffsetDateTime.parse((String) invitation.get("deadline"))).isAtSameInstantAs(requested.deadline());
        assertThat(item(TestUsers.SOCIAL_WORKER, "assessmentId", assessmentId, "JOINT_ASSESSMENT_REQUESTED"))
                .isEmpty();

        publish(EventType.JOINT_ASSESSMENT_OVERDUE, CLIENT_ID, jointAssessment(assessmentId, CLIENT_ID, "OVERDUE"));
        assertThat(awaitItem(TestUsers.NURSE, "assessmentId", assessmentId, "JOINT_ASSESSMENT_OVERDUE"))
                .containsEntry("assessmentStatus", "OVERDUE");
    }
}
