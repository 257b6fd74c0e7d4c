package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.jointAssessment;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * An event older than one already heard of for its referral or joint assessment (by its
 * {@code aggregateVersion}) — one re-driven from the dead-letter topic, say — makes no inbox item: the
 * receiver is never told of a referral "received" after it has moved on.
 */
@NotificationServiceTest
class AStaleStepTellsNoOne {

    private static final String CLIENT_ID = clientIdOf("010190-900P");

    @Test
    void aReferralSentOlderThanItsAcceptanceTellsTheReceiverNothing() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_ACCEPTED, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "ACCEPTED", "SENT").withVersion(3));
        awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_ACCEPTED");

        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SENT", "AWAITING_CONSENT").withVersion(2));
        // same version again: not newer either
        publish(EventType.REFERRAL_DECLINED, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "DECLINED", "SENT").withVersion(3));
        // a later referral of the same client (same key and partition): once it is in, both were handled
        String marker = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(marker, CLIENT_ID, "SENT", "AWAITING_CONSENT").withVersion(1));
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", marker, "REFERRAL_RECEIVED");

        assertThat(item(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED")).isEmpty();
        assertThat(item(TestUsers.NURSE, "referralId", referralId, "REFERRAL_DECLINED")).isEmpty();

        // a newer step is told as ever
        publish(EventType.REFERRAL_SUSPENDED, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SUSPENDED", "ACCEPTED").withVersion(4));
        awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_SUSPENDED");
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_SUSPENDED");
    }

    @Test
    void anInvitationOlderThanItsEscalationTellsNoOne() {
        String assessmentId = UUID.randomUUID().toString();
        publish(EventType.JOINT_ASSESSMENT_OVERDUE, CLIENT_ID, versioned(assessmentId, "OVERDUE", 1));
        awaitItem(TestUsers.NURSE, "assessmentId", assessmentId, "JOINT_ASSESSMENT_OVERDUE");

        publish(EventType.JOINT_ASSESSMENT_REQUESTED, CLIENT_ID, versioned(assessmentId, "REQUESTED", 0));
        String marker = UUID.randomUUID().toString();
        publish(EventType.JOINT_ASSESSMENT_REQUESTED, CLIENT_ID, versioned(marker, "REQUESTED", 0));
        awaitItem(TestUsers.NURSE, "assessmentId", marker, "JOINT_ASSESSMENT_REQUESTED");

        assertThat(item(TestUsers.NURSE, "assessmentId", assessmentId, "JOINT_ASSESSMENT_REQUESTED")).isEmpty();
    }

    private static JointAssessmentChanged versioned(String id, String status, long version) {
        JointAssessmentChanged a = jointAssessment(id, CLIENT_ID, status);
        return new JointAssessmentChanged(a.assessmentId(), a.clientId(), a.requestingOrganisation(),
                a.invitedOrganisation(), a.status(), a.deadline(), version);
    }
}
