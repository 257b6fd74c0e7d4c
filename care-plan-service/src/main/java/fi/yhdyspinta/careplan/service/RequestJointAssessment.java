package fi.yhdyspinta.careplan.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The command to invite organisations to a joint assessment of the client (henkilötunnus), each named with the
 * request field it came from so that a refusal names that field.
 */
public record RequestJointAssessment(String client, List<Invited> invited, OffsetDateTime deadline) {

    public RequestJointAssessment {
        invited = List.copyOf(invited);
    }

    /** One invited organisation and the request field that named it. */
    public record Invited(String field, String organisation) {
    }
}
