package fi.yhdyspinta.careplan.domain;

/** A next step agreed in a joint service-need assessment (part of its coded summary; codes only). */
public enum AgreedNextStep {
    /** Make a joint client plan (asiakassuunnitelma, SHL 39 §). */
    JOINT_CLIENT_PLAN,
    /** Refer the client to a service of one of the organisations. */
    REFERRAL_TO_SERVICE,
    /** Name a responsible worker (vastuutyöntekijä, SHL 42 §). */
    RESPONSIBLE_WORKER,
    /** Assess again later. */
    FOLLOW_UP_ASSESSMENT,
    /** No further joint action is needed. */
    NO_FURTHER_ACTION
}
