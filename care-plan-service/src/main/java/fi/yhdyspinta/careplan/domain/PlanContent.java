package fi.yhdyspinta.careplan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fi.yhdyspinta.events.code.NeedCategory;

/**
 * What a plan version says: goals, actions (each owned by an organisation, linked to the referral it came from)
 * and the client's own plain-language summary. Stored as JSON in the version; free text that never leaves through
 * an event or a log line.
 */
public record PlanContent(List<Goal> goals, List<Action> actions, String clientSummary) {

    /** A goal; {@code clientText} is the client's plain-language wording. */
    public record Goal(NeedCategory category, String description, String clientText) {
    }

    /** An action of one organisation towards the goals. */
    public record Action(String description, String organisation, UUID referralId, LocalDate dueDate,
            String clientText) {
    }
}
