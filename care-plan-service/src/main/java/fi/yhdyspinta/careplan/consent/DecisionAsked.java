package fi.yhdyspinta.careplan.consent;

import java.util.List;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;

/** The body of {@code POST /consent-decisions} (consent-service's {@code DecisionRequest}). */
public record DecisionAsked(String client, String recipientOrganisation, Purpose purpose,
        List<DataCategory> dataCategories) {

    /** May the caller's organisation disclose the client's plan to the participant (JOINT_CLIENT_PLAN)? */
    public static DecisionAsked jointClientPlan(String hetu, String participant) {
        return new DecisionAsked(hetu, participant, Purpose.JOINT_CLIENT_PLAN, List.of(DataCategory.CARE_PLAN));
    }
}
