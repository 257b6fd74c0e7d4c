package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.as;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fi.yhdyspinta.testsupport.oidc.TestUser;
import io.restassured.response.ValidatableResponse;

/** Steps of the joint client plan scenarios: bodies, requests and the client's own user. */
final class Plans {

    private Plans() {
    }

    /** A plan of the client with the participants: a goal and an action of each participant. */
    static Map<String, Object> plan(String hetu, List<String> participants, String actionOrganisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", hetu);
        body.put("participants", participants);
        body.put("goals", List.of(Map.of("category", "MENTAL_HEALTH", "description",
                "Arjen hallinta ja asumisen tukeminen", "clientText", "Pärjään kotona omin voimin")));
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(Map.of("description", "Kotikäynnit kahdesti viikossa", "organisation", actionOrganisation,
                "clientText", "Työntekijä käy luonani kaksi kertaa viikossa"));
        body.put("actions", actions);
        body.put("reviewDate", LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString());
        body.put("clientSummary", "Suunnitelma tukee kotona asumista.");
        return body;
    }

    /** The body of a PUT: the whole next version. */
    static Map<String, Object> nextVersion(String hetu, List<String> participants, String actionOrganisation,
            String goal) {
        Map<String, Object> body = plan(hetu, participants, actionOrganisation);
        body.put("goals", List.of(Map.of("description", goal)));
        return body;
    }

    static ValidatableResponse create(TestUser user, Map<String, Object> body) {
        return as(user).body(body).post("/plans").then();
    }

    static ValidatableResponse handOver(TestUser user, String planId, String ifMatch, String worker,
            String organisation, String reason) {
        var request = as(user).body(Map.of("worker", worker, "organisation", organisation, "reason", reason));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/plans/" + planId + "/responsible-worker").then();
    }

    /** The client themself (role client, their own henkilötunnus in the token). */
    static TestUser clientUser(String hetu) {
        return new TestUser("client-" + hetu.substring(0, 6), null, null, Set.of("client"), hetu);
    }
}
