package fi.yhdyspinta.notification.domain;

/** What an inbox item tells its organisation. The codes appear in the API and on notification events. */
public enum NotificationType {
    /** A referral arrived for the receiver. */
    REFERRAL_RECEIVED,
    /** The receiver accepted the sender's referral. */
    REFERRAL_ACCEPTED,
    /** The receiver declined, with a reason and a suggested recipient (closed loop, no pompottelu). */
    REFERRAL_DECLINED,
    /** The receiver completed the referral with an outcome (closed loop). */
    REFERRAL_COMPLETED,
    /** The sender cancelled the referral. */
    REFERRAL_CANCELLED,
    /** A revoked consent suspended the referral: both parties must stop. */
    REFERRAL_SUSPENDED,
    /** The receiver forwarded the sender's referral to another organisation (siirto; closed loop). */
    REFERRAL_FORWARDED,
    /** An unanswered referral passed its deadline: an escalation for both organisations' unit leads. */
    REFERRAL_OVERDUE,
    /** An unanswered referral expired after the grace: the sender may re-route it. */
    REFERRAL_EXPIRED,
    /** The NGO confirmed that the client started the prescribed activity (hyvinvointilähete). */
    SOCIAL_PRESCRIPTION_STARTED,
    /** The client attended the prescribed activity (closed loop to the prescriber). */
    SOCIAL_PRESCRIPTION_ATTENDED,
    /** The client did not attend the prescribed activity. */
    SOCIAL_PRESCRIPTION_DID_NOT_ATTEND,
    /** The client declined the prescribed activity. */
    SOCIAL_PRESCRIPTION_DECLINED,
    /** No consent covers the need: the professional must ask the client. */
    CONSENT_REQUESTED,
    /** A consent decision denied the disclosure the organisation asked for, with the reason (closed loop). */
    CONSENT_DENIED,
    /** An invitation to a joint service-need assessment (THL 32.2 §): acknowledge, never decline. */
    JOINT_ASSESSMENT_REQUESTED,
    /** An unacknowledged invitation passed its deadline: escalation. */
    JOINT_ASSESSMENT_OVERDUE,
    /** A plan's responsible worker (vastuutyöntekijä, SHL 42 §) was handed over: both organisations are told. */
    RESPONSIBLE_WORKER_CHANGED,
    /** A consent revocation took an organisation's share of a plan away: it and the responsible one are told. */
    PLAN_SHARING_REVOKED,
    /** A coordination hint became true for a client (once per client, hint and plan). */
    COORDINATION_HINT;

    /**
     * An escalation: something was left unanswered past its deadline. It is addressed to the organisation's unit lead
     * (yksikön esihenkilö), who finds these with {@code GET /inbox?audience=unit-lead}; every professional of the
     * organisation still sees it in the inbox.
     */
    public boolean escalation() {
        return this == REFERRAL_OVERDUE || this == REFERRAL_EXPIRED || this == JOINT_ASSESSMENT_OVERDUE;
    }

    /** The types addressed to the unit lead. */
    public static java.util.List<NotificationType> escalations() {
        return java.util.Arrays.stream(values()).filter(NotificationType::escalation).toList();
    }
}
