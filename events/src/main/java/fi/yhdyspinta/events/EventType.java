package fi.yhdyspinta.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the suite: its CloudEvents {@code type} (versioned), its topic (one per event
 * family, named as the event is) and the JSON Schema of its payload in {@code schemas/}.
 */
public enum EventType {

    NEED_IDENTIFIED("fi.yhdyspinta.need.identified.v1", "need-identified", "need-identified.v1.json"),

    CONSENT_REQUESTED("fi.yhdyspinta.consent.requested.v1", "consent-requested", "consent-requested.v1.json"),
    CONSENT_GRANTED("fi.yhdyspinta.consent.granted.v1", "consent-granted", "consent-granted.v1.json"),
    CONSENT_DENIED("fi.yhdyspinta.consent.denied.v1", "consent-denied", "consent-denied.v1.json"),
    CONSENT_REVOKED("fi.yhdyspinta.consent.revoked.v1", "consent-revoked", "consent-revoked.v1.json"),

    REFERRAL_SENT("fi.yhdyspinta.referral.sent.v1", "referral-sent", "referral-status.v1.json"),
    REFERRAL_RECEIVED("fi.yhdyspinta.referral.received.v1", "referral-received", "referral-status.v1.json"),
    REFERRAL_ACCEPTED("fi.yhdyspinta.referral.accepted.v1", "referral-accepted", "referral-status.v1.json"),
    REFERRAL_DECLINED("fi.yhdyspinta.referral.declined.v1", "referral-declined", "referral-status.v1.json"),
    REFERRAL_FORWARDED("fi.yhdyspinta.referral.forwarded.v1", "referral-forwarded", "referral-status.v1.json"),
    REFERRAL_STARTED("fi.yhdyspinta.referral.started.v1", "referral-started", "referral-status.v1.json"),
    REFERRAL_COMPLETED("fi.yhdyspinta.referral.completed.v1", "referral-completed", "referral-status.v1.json"),
    REFERRAL_CANCELLED("fi.yhdyspinta.referral.cancelled.v1", "referral-cancelled", "referral-status.v1.json"),
    REFERRAL_SUSPENDED("fi.yhdyspinta.referral.suspended.v1", "referral-suspended", "referral-status.v1.json"),

    JOINT_ASSESSMENT_REQUESTED("fi.yhdyspinta.joint-assessment.requested.v1", "joint-assessment-requested",
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_ACKNOWLEDGED("fi.yhdyspinta.joint-assessment.acknowledged.v1", "joint-assessment-acknowledged",
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_OVERDUE("fi.yhdyspinta.joint-assessment.overdue.v1", "joint-assessment-overdue",
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_COMPLETED("fi.yhdyspinta.joint-assessment.completed.v1", "joint-assessment-completed",
            "joint-assessment.v1.json"),

    ORGANISATION_CHANGED("fi.yhdyspinta.organisation.changed.v1", "organisation-changed",
            "organisation-changed.v1.json"),

    NOTIFICATION_DELIVERED("fi.yhdyspinta.notification.delivered.v1", "notification-delivered",
            "notification-delivered.v1.json"),
    NOTIFICATION_FAILED("fi.yhdyspinta.notification.failed.v1", "notification-failed",
            "notification-delivered.v1.json");

    private final String type;
    private final String topic;
    private final String schema;

    EventType(String type, String topic, String schema) {
        this.type = type;
        this.topic = topic;
        this.schema = schema;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** Where poison messages of this topic go, with the reason in a header. */
    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    /** Classpath resource of the payload schema. */
    public String schemaResource() {
        return "schemas/" + schema;
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
