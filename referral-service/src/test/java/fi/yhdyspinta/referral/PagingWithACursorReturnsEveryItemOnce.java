package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.Response;

/**
 * Lists page with a cursor (issue 9 point 5): following the Link rel="next" header page by page returns every
 * referral of the filter exactly once, in the asked order (createdAt, -createdAt, dueAt); the body stays a plain
 * array. Filters combine; a bad cursor, limit or sort is 400 naming the parameter.
 */
@ReferralServiceTest
class PagingWithACursorReturnsEveryItemOnce {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void everyReferralOnceAcrossPagesInEveryOrder() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = new HashMap<>(Scenario.need(i % 2 == 0 ? "010190-900P" : "131052-9085",
                    TestUsers.NGO));
            body.put("category", "DOMESTIC_VIOLENCE");
            mine.add(as(TestUsers.HOSPITAL_NURSE).body(body).post("/referrals").then().statusCode(201).extract()
                    .path("id"));
        }
        for (String sort : List.of("createdAt", "-createdAt", "dueAt")) {
            List<String> seen = new ArrayList<>();
            String url = "/referrals?direction=sent&category=DOMESTIC_VIOLENCE&status=AWAITING_CONSENT&limit=3&sort="
                    + sort;
            int pages = 0;
            while (url != null && pages++ < 100) {
                Response page = as(TestUsers.HOSPITAL_NURSE).get(url);
                assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
                List<String> ids = page.jsonPath().getList("id");
                assertThat(ids.size()).isLessThanOrEqualTo(3);
                seen.addAll(ids);
                String link = page.header("Link");
                if (link == null) {
                    url = null;
                } else {
                    Matcher next = NEXT.matcher(link);
                    assertThat(next.find()).as(link).isTrue();
                    url = next.group(1);
                }
            }
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(mine);
            List<String> mineInOrder = seen.stream().filter(mine::contains).toList();
            if (sort.equals("-createdAt")) {
                assertThat(mineInOrder).as(sort).containsExactlyElementsOf(reversed(mine));
            } else if (sort.equals("createdAt")) {
                assertThat(mineInOrder).as(sort).containsExactlyElementsOf(mine);
            }
        }
        as(TestUsers.HOSPITAL_NURSE).queryParam("direction", "sent").queryParam("urgency", "ROUTINE")
                .queryParam("category", "DOMESTIC_VIOLENCE").queryParam("overdue", "false").queryParam("limit", 200)
                .get("/referrals").then().statusCode(200).body("id", hasItem(mine.get(0)));
    }

    @Test
    void badPagingParametersAre400NamingTheParameter() {
        as(TestUsers.NURSE).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(TestUsers.NURSE).queryParam("limit", 0).get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as(TestUsers.NURSE).queryParam("limit", 201).get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as(TestUsers.NURSE).queryParam("sort", "name").get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
        as(TestUsers.NURSE).queryParam("urgency", "SOMEDAY").get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("urgency"));
        as(TestUsers.NURSE).queryParam("overdue", "maybe").get("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("overdue"));
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
