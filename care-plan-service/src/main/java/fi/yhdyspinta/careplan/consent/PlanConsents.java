package fi.yhdyspinta.careplan.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * SHL 39 §, 46 §: a joint client plan needs consent purpose JOINT_CLIENT_PLAN covering every participating
 * organisation. The caller's organisation holds the plan and discloses it, so for each other participant it asks
 * consent-service for a decision, with the caller's own token (never a service account: the discloser asks). Any
 * participant without a permit refuses the whole change (403 naming each one); consent-service away refuses it too
 * (503, {@link ConsentServiceUnavailable}): never a plan without the check.
 */
@ApplicationScoped
public class PlanConsents {

    private final ConsentDecisionsClient decisions;
    private final JsonWebToken token;

    public PlanConsents(@RestClient ConsentDecisionsClient decisions, JsonWebToken token) {
        this.decisions = decisions;
        this.token = token;
    }

    /**
     * The permit for each organisation of {@code participants} (the request field that names it → OID) that is
     * not the discloser's own. Answers the decisions by organisation; fails with 403 naming the field (e.g.
     * {@code participants[1]}) of each one without a permit.
     */
    public Uni<Map<String, DecisionAnswer>> requirePermits(String hetu, String discloser,
            Map<String, String> participants, String correlationId) {
        String authorization = "Bearer " + token.getRawToken();
        Map<String, String> others = new LinkedHashMap<>();
        participants.forEach((field, organisation) -> {
            if (!organisation.equals(discloser) && !others.containsValue(organisation)) {
                others.put(field, organisation);
            }
        });
        Map<String, DecisionAnswer> answers = new LinkedHashMap<>();
        List<Problem.FieldError> refused = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> participant : others.entrySet()) {
            String field = participant.getKey();
            chain = chain.chain(() -> ask(authorization, correlationId, hetu, participant.getValue(), field)
                    .invoke(answer -> {
                        if (answer.permits()) {
                            answers.put(participant.getValue(), answer);
                        } else {
                            refused.add(new Problem.FieldError(field, participant.getValue()
                                    + " has no consent (purpose JOINT_CLIENT_PLAN) to receive the plan from the "
                                    + "caller's organisation" + (answer.reason() == null ? "" : ": " + answer.reason())));
                        }
                    }).replaceWithVoid());
        }
        return chain.map(done -> {
            if (!refused.isEmpty()) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "consent purpose JOINT_CLIENT_PLAN does not cover every participating organisation: "
                                + String.join(", ", refused.stream().map(Problem.FieldError::field).toList()),
                        refused, Map.of("purpose", "JOINT_CLIENT_PLAN"));
            }
            return answers;
        });
    }

    private Uni<DecisionAnswer> ask(String authorization, String correlationId, String hetu, String participant,
            String field) {
        return decisions.decide(authorization, correlationId, DecisionAsked.jointClientPlan(hetu, participant))
                .onFailure().transform(e -> refusalOrUnavailable(e, field));
    }

    /** consent-service's own answer to a bad request names our field; everything else means it cannot decide now. */
    private static Throwable refusalOrUnavailable(Throwable e, String field) {
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            if (status == 400 || status == 404) {
                return ProblemException.invalidField(field, "is not an active organisation of the registry");
            }
            if (status == 403) {
                return new ProblemException(ProblemType.FORBIDDEN,
                        "consent-service refused the caller a decision for " + field,
                        List.of(new Problem.FieldError(field, "the caller's organisation may not ask to disclose to it")),
                        Map.of());
            }
        }
        return new ConsentServiceUnavailable(e);
    }
}
