package fi.yhdyspinta.careplan.domain;

import java.util.List;
import java.util.Optional;

/** A plan with its participants, current content and hand-over history: what the views are made of. */
public record PlanState(CarePlan plan, List<PlanParticipant> participants, CarePlanVersion current,
        List<ResponsibleWorkerChange> history) {

    public Optional<PlanParticipant> participant(String organisation) {
        return participants.stream().filter(p -> p.organisation.equals(organisation)).findFirst();
    }

    public List<String> organisationsWith(PlanSharing sharing) {
        return participants.stream().filter(p -> p.status == sharing).map(p -> p.organisation).toList();
    }
}
