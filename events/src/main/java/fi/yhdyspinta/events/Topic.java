package fi.yhdyspinta.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One Kafka topic per aggregate family (aggregaattiperhe). Every event of a family travels on its
 * topic keyed by the pseudonymous client id (the OID for {@link #ORGANISATIONS}), so one client's
 * whole story of that family is in order on one partition; the CloudEvents {@code type} picks the
 * handler. Poison records go to {@code <topic>.dlq}.
 */
public enum Topic {

    NEEDS("needs"),
    CONSENTS("consents"),
    REFERRALS("referrals"),
    JOINT_ASSESSMENTS("joint-assessments"),
    /**
     * Joint client plans (asiakassuunnitelma, SHL 39 §, 46 §): plan versions, responsible worker hand-overs,
     * sharing revoked by a consent revocation, and coordination hints about a client. Keyed by the client id.
     */
    CARE_PLANS("care-plans"),
    NOTIFICATIONS("notifications"),
    /** The organisation registry: keyed by the organisation OID, not by a client. */
    ORGANISATIONS("organisations"),
    /**
     * The audit trail (lokitiedot): every service's sealed audit records, keyed by the pseudonymous client id.
     * Millions of records; consent-service builds the client's access log from it.
     */
    AUDIT("audit"),
    /**
     * Anchors of each service's audit hash chain (position and head hash), keyed by the service name: a small
     * topic of its own, so that a verify reads every anchor quickly without reading the whole {@link #AUDIT}.
     */
    AUDIT_ANCHORS("audit-anchors"),
    /**
     * Archive documents (Kanta-style, DESIGN §9): a document ready for the archive, and one the archive has not
     * acknowledged in time. Ids and codes only (the document itself is pulled over REST); keyed by the client id.
     */
    ARCHIVE("archive");

    private final String topic;

    Topic(String topic) {
        this.topic = topic;
    }

    /** The Kafka topic name. */
    public String topic() {
        return topic;
    }

    /** Where this topic's poison records go, with the reason in a header. */
    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    /** Every event type that travels on this topic. */
    public List<EventType> types() {
        return Arrays.stream(EventType.values()).filter(type -> type.family() == this).toList();
    }

    public static Optional<Topic> ofTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }
}
