package fi.yhdyspinta.e2e.matrix;

import fi.yhdyspinta.e2e.matrix.Fixtures.Fixture;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Who calls, seen from the object: the matrix objects are made by the health centre's nurse for the
 * social services (referrals, consents, decisions) or by the social worker inviting the health centre
 * (joint assessments). Every demo role of DESIGN §7 appears, and a second client and organisation.
 */
public enum Who {

    /** The health centre's nurse: the need's source, the referral's sender, the discloser. */
    SENDER("nurse (health centre)"),
    /** The health centre's unit lead: same organisation as the sender. */
    SENDER_LEAD("unit lead (health centre)"),
    /** The social services' social worker: the referral's receiver, the consent's recipient. */
    RECEIVER("social worker (social services)"),
    /** An NGO worker: an organisation the object does not concern. */
    NGO("NGO worker"),
    /** A nurse of the central hospital: another health organisation. */
    OTHER_HEALTH("nurse (central hospital)"),
    /** The client the object concerns, signed in with their own henkilötunnus. */
    THE_CLIENT("the client"),
    /** Another client. */
    OTHER_CLIENT("another client"),
    OPS("ops"),
    ARCHIVE("archive"),
    ADMIN("admin"),
    /** The county's auditor (registry office): checks the audit chains, reads no client data. */
    AUDITOR("auditor"),
    /** No token at all. */
    ANONYMOUS("no token");

    private final String label;

    Who(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The user this actor is for the object, or null for {@link #ANONYMOUS}. */
    public TestUser user(Fixture object) {
        return switch (this) {
            case SENDER -> TestUsers.NURSE;
            case SENDER_LEAD -> TestUsers.UNIT_LEAD;
            case RECEIVER -> TestUsers.SOCIAL_WORKER;
            case NGO -> TestUsers.NGO_WORKER;
            case OTHER_HEALTH -> TestUsers.HOSPITAL_NURSE;
            case THE_CLIENT -> Fixtures.clientOf(object);
            case OTHER_CLIENT -> Fixtures.clientOf(new Fixture(null, Fixtures.newHetu()));
            case OPS -> TestUsers.OPS;
            case ARCHIVE -> TestUsers.ARCHIVE;
            case ADMIN -> TestUsers.ADMIN;
            case AUDITOR -> TestUsers.AUDITOR;
            case ANONYMOUS -> null;
        };
    }
}
