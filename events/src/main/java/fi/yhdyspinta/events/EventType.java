package fi.yhdyspinta.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every event of the suite: its CloudEvents {@code type} (versioned), the topic of its aggregate
 * family ({@link Topic}: all of a family's types share it, so one client's events of the family stay
 * in order) and the JSON Schema of its payload in {@code schemas/}.
 */
public enum EventType {

    NEED_IDENTIFIED("fi.yhdyspinta.need.identified.v1", Topic.NEEDS, "need-identified.v1.json"),

    CONSENT_REQUESTED("fi.yhdyspinta.consent.requested.v1", Topic.CONSENTS, "consent-requested.v1.json"),
    CONSENT_GRANTED("fi.yhdyspinta.consent.granted.v1", Topic.CONSENTS, "consent-granted.v1.json"),
    CONSENT_DENIED("fi.yhdyspinta.consent.denied.v1", Topic.CONSENTS, "consent-denied.v1.json"),
    CONSENT_REVOKED("fi.yhdyspinta.consent.revoked.v1", Topic.CONSENTS, "consent-revoked.v1.json"),

    REFERRAL_SENT("fi.yhdyspinta.referral.sent.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_RECEIVED("fi.yhdyspinta.referral.received.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_ACCEPTED("fi.yhdyspinta.referral.accepted.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_DECLINED("fi.yhdyspinta.referral.declined.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_FORWARDED("fi.yhdyspinta.referral.forwarded.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_STARTED("fi.yhdyspinta.referral.started.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_COMPLETED("fi.yhdyspinta.referral.completed.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_CANCELLED("fi.yhdyspinta.referral.cancelled.v1", Topic.REFERRALS, "referral-status.v1.json"),
    REFERRAL_SUSPENDED("fi.yhdyspinta.referral.suspended.v1", Topic.REFERRALS, "referral-status.v1.json"),
    /** A SENT or RECEIVED referral passed its answer deadline (by urgency) unanswered: escalated once. */
    REFERRAL_OVERDUE("fi.yhdyspinta.referral.overdue.v1", Topic.REFERRALS, "referral-status.v1.json"),
    /** An unanswered referral passed its deadline and the grace after it: EXPIRED, the sender may re-route it. */
    REFERRAL_EXPIRED("fi.yhdyspinta.referral.expired.v1", Topic.REFERRALS, "referral-status.v1.json"),
    /**
     * Social prescribing (hyvinvointilähete, D27): a social prescription is a referral with purpose
     * SOCIAL_PRESCRIBING, so its steps travel in the referral family (one client's steps in order).
     */
    SOCIAL_PRESCRIPTION_STARTED("fi.yhdyspinta.referral.social-prescription-started.v1", Topic.REFERRALS,
            "social-prescription.v1.json"),
    SOCIAL_PRESCRIPTION_ATTENDED("fi.yhdyspinta.referral.social-prescription-attended.v1", Topic.REFERRALS,
            "social-prescription.v1.json"),
    SOCIAL_PRESCRIPTION_DID_NOT_ATTEND("fi.yhdyspinta.referral.social-prescription-did-not-attend.v1",
            Topic.REFERRALS, "social-prescription.v1.json"),
    SOCIAL_PRESCRIPTION_DECLINED("fi.yhdyspinta.referral.social-prescription-declined.v1", Topic.REFERRALS,
            "social-prescription.v1.json"),

    JOINT_ASSESSMENT_REQUESTED("fi.yhdyspinta.joint-assessment.requested.v1", Topic.JOINT_ASSESSMENTS,
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_ACKNOWLEDGED("fi.yhdyspinta.joint-assessment.acknowledged.v1", Topic.JOINT_ASSESSMENTS,
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_OVERDUE("fi.yhdyspinta.joint-assessment.overdue.v1", Topic.JOINT_ASSESSMENTS,
            "joint-assessment.v1.json"),
    JOINT_ASSESSMENT_COMPLETED("fi.yhdyspinta.joint-assessment.completed.v1", Topic.JOINT_ASSESSMENTS,
            "joint-assessment.v1.json"),

    /** A new approved version of a joint client plan (ids, codes, version, participating OIDs; no free text). */
    CARE_PLAN_UPDATED("fi.yhdyspinta.care-plan.updated.v1", Topic.CARE_PLANS, "care-plan-updated.v1.json"),
    /** The plan's one responsible worker (vastuutyöntekijä, SHL 42 §) was handed over: from, to, why. */
    CARE_PLAN_RESPONSIBLE_WORKER_CHANGED("fi.yhdyspinta.care-plan.responsible-worker-changed.v1", Topic.CARE_PLANS,
            "care-plan-responsible-worker-changed.v1.json"),
    /** A consent revocation took a participating organisation's share of the plan away: it sees ids only. */
    CARE_PLAN_SHARING_REVOKED("fi.yhdyspinta.care-plan.sharing-revoked.v1", Topic.CARE_PLANS,
            "care-plan-sharing-revoked.v1.json"),
    /** A coordination hint first became true for a client (raised once per client, hint and plan). */
    CARE_PLAN_COORDINATION_HINT("fi.yhdyspinta.care-plan.coordination-hint.v1", Topic.CARE_PLANS,
            "coordination-hint.v1.json"),

    ORGANISATION_CHANGED("fi.yhdyspinta.organisation.changed.v1", Topic.ORGANISATIONS,
            "organisation-changed.v1.json"),

    NOTIFICATION_DELIVERED("fi.yhdyspinta.notification.delivered.v1", Topic.NOTIFICATIONS,
            "notification-delivered.v1.json"),
    NOTIFICATION_FAILED("fi.yhdyspinta.notification.failed.v1", Topic.NOTIFICATIONS,
            "notification-delivered.v1.json"),

    /** A sealed audit record (its chain position and hash included); the record id is the CloudEvent id. */
    AUDIT_RECORDED("fi.yhdyspinta.audit.recorded.v1", Topic.AUDIT, "audit-recorded.v1.json"),
    /** An anchor of a service's audit chain: position and head hash, keyed and subject = the service name. */
    AUDIT_ANCHORED("fi.yhdyspinta.audit.anchored.v1", Topic.AUDIT_ANCHORS, "audit-anchored.v1.json"),

    /** A finished document (new, or a correction = a new version) is ready for the archive to pull. */
    ARCHIVE_DOCUMENT_READY("fi.yhdyspinta.archive.document-ready.v1", Topic.ARCHIVE, "archive-document.v1.json"),
    /** A document version not acknowledged by the archive within yhdyspinta.archive.ack-deadline (once per version). */
    ARCHIVE_OVERDUE("fi.yhdyspinta.archive.overdue.v1", Topic.ARCHIVE, "archive-document.v1.json");

    private final String type;
    private final Topic family;
    private final String schema;

    EventType(String type, Topic family, String schema) {
        this.type = type;
        this.family = family;
        this.schema = schema;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    /** The aggregate family whose topic this event travels on. */
    public Topic family() {
        return family;
    }

    /** The Kafka topic: the family's, shared with the family's other event types. */
    public String topic() {
        return family.topic();
    }

    /** Where poison messages of this topic go, with the reason in a header. */
    public String deadLetterTopic() {
        return family.deadLetterTopic();
    }

    /** Classpath resource of the payload schema. */
    public String schemaResource() {
        return "schemas/" + schema;
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The event types that travel on the topic; empty for a topic that is not one of ours. */
    public static List<EventType> onTopic(String topic) {
        return Topic.ofTopic(topic).map(Topic::types).orElse(List.of());
    }
}
