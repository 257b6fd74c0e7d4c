package fi.yhdyspinta.e2e.matrix;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The objects the authorization matrix works on, each made through the public API as the users of
 * DESIGN §4 would make them: a referral of the health centre's nurse to the social services in every
 * state, the client's consent, prohibition and decision, a joint assessment, an inbox item. Each object
 * has its own fresh client, so that one object's consent or prohibition never touches another.
 */
public final class Fixtures {

    /** An object of the matrix: its id (path parameter) and the henkilötunnus of its client. */
    public record Fixture(String id, String hetu) {

        /** DESIGN §5: the client id is HMAC-SHA256 of the henkilötunnus with the county key. */
        public String clientId(String countyKey) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(
                        countyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
                return java.util.HexFormat.of()
                        .formatHex(mac.doFinal(hetu.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private final Map<String, String> baseUris;
    private final String countyKey;
    private final Map<String, Fixture> shared = new ConcurrentHashMap<>();
    private final Map<String, Function<Fixtures, Fixture>> makers = Map.ofEntries(
            Map.entry("need", f -> f.need()),
            Map.entry("referral:AWAITING_CONSENT", f -> f.awaitingReferral()),
            Map.entry("referral:DENIED", f -> f.deniedReferral()),
            Map.entry("referral:SENT", f -> f.sentReferral()),
            Map.entry("need:SENT", f -> f.sentNeed()),
            Map.entry("referral:ACCEPTED", f -> f.moved(f.sentReferral(), "accept", null, "ACCEPTED")),
            Map.entry("referral:IN_PROGRESS", f -> f.moved(f.moved(f.sentReferral(), "accept", null, "ACCEPTED"),
                    "start", null, "IN_PROGRESS")),
            Map.entry("referral:COMPLETED", f -> f.moved(f.moved(f.sentReferral(), "accept", null, "ACCEPTED"),
                    "complete", Map.of("outcome", "SERVICE_PROVIDED"), "COMPLETED")),
            Map.entry("referral:DECLINED", f -> f.moved(f.sentReferral(), "decline",
                    Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.NGO), "DECLINED")),
            Map.entry("referral:CANCELLED", f -> f.cancelled(f.sentReferral())),
            Map.entry("referral:SUSPENDED", f -> f.suspendedReferral()),
            Map.entry("consent", f -> f.consent()),
            Map.entry("prohibition", f -> f.prohibition()),
            Map.entry("decision", f -> f.decision()),
            Map.entry("client", f -> new Fixture(null, newHetu())),
            Map.entry("client-overview", f -> f.overview()),
            Map.entry("plan", f -> f.plan()),
            Map.entry("joint-assessment", f -> f.jointAssessment()),
            Map.entry("joint-assessment:ACKNOWLEDGED", f -> f.acknowledged(f.jointAssessment())),
            Map.entry("inbox-item", f -> f.inboxItem()),
            Map.entry("organisation", f -> new Fixture(TestUsers.NGO, newHetu())),
            Map.entry("service", f -> f.service()),
            Map.entry("ngo-service", f -> f.ngoService()),
            Map.entry("social-prescription", f -> f.socialPrescription(false)),
            Map.entry("social-prescription:SENT", f -> f.socialPrescription(true)),
            Map.entry("no-dead-letter", f -> new Fixture("0/999999999", newHetu())),
            Map.entry("no-quarantined-row", f -> new Fixture("999999999", newHetu())),
            Map.entry("no-archive-document", f -> new Fixture(java.util.UUID.randomUUID().toString(), newHetu())),
            Map.entry("own-channels", f -> new Fixture(TestUsers.HEALTH_CENTRE, newHetu())),
            Map.entry("other-channels", f -> new Fixture(TestUsers.SOCIAL_SERVICES, newHetu())),
            Map.entry("own-webhook", f -> f.webhook(TestUsers.UNIT_LEAD)),
            Map.entry("other-webhook", f -> f.webhook(SOCIAL_SERVICES_LEAD)),
            Map.entry("no-webhook-delivery", f -> new Fixture(java.util.UUID.randomUUID().toString(), newHetu())));

    public Fixtures(Map<String, String> baseUris, String countyKey) {
        this.baseUris = baseUris;
        this.countyKey = countyKey;
    }

    public String baseUri(String service) {
        return baseUris.get(service);
    }

    public boolean knows(String name) {
        return makers.containsKey(name);
    }

    /** The shared object of that name (made once): for cases that change nothing. */
    public Fixture shared(String name) {
        return shared.computeIfAbsent(name, this::fresh);
    }

    /** A new object of that name: for a case that is expected to change it. */
    public Fixture fresh(String name) {
        Function<Fixtures, Fixture> maker = makers.get(name);
        if (maker == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return maker.apply(this);
    }

    /** The client of the object, signed in with their own henkilötunnus. */
    public static TestUser clientOf(Fixture fixture) {
        return new TestUser("client-" + Integer.toHexString(fixture.hetu().hashCode()), null, null,
                java.util.Set.of("client"), fixture.hetu());
    }

    public RequestSpecification as(TestUser user, String service) {
        return given().baseUri(baseUris.get(service)).auth().oauth2(TestInfrastructure.tokenFor(user))
                .contentType(ContentType.JSON);
    }

    /** A fresh valid test henkilötunnus (individual number 900–999), computed, not guessed. */
    public static String newHetu() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(365 * 80));
        int individual = 900 + random.nextInt(100);
        String date = "%02d%02d%02d".formatted(birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        char century = birth.getYear() >= 2000 ? 'A' : '-';
        long number = Long.parseLong(date + individual);
        return date + century + individual + CHECK_CHARACTERS.charAt((int) (number % 31));
    }

    public static Map<String, Object> needBody(String hetu) {
        return Map.of("client", hetu, "category", "MENTAL_HEALTH",
                "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE");
    }

    public static Map<String, Object> consentBody(String hetu, String recipient) {
        return Map.of("client", hetu, "purpose", "REFERRAL", "recipients", List.of(recipient),
                "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"),
                "validUntil", LocalDate.now().plusYears(1).toString(), "form", "ORAL");
    }

    // --- the objects ---------------------------------------------------------------------------------------

    /** The care-plan overview of a client with a sent referral: the path carries the pseudonymous id. */
    private Fixture overview() {
        Fixture referral = sentReferral();
        return new Fixture(referral.clientId(countyKey), referral.hetu());
    }

    private Fixture need() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "referral").body(needBody(hetu)).post("/needs").then().statusCode(201)
                .extract().path("id");
        return new Fixture(id, hetu);
    }

    private Fixture awaitingReferral() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "referral").body(needBody(hetu)).post("/needs").then().statusCode(201)
                .extract().path("referralId");
        return new Fixture(id, hetu);
    }

    /** The client refused: the referral waits with its denial shown to the sender. */
    private Fixture deniedReferral() {
        String hetu = newHetu();
        Map<String, Object> refusal = new java.util.HashMap<>(consentBody(hetu, TestUsers.SOCIAL_SERVICES));
        refusal.put("answer", "REFUSED");
        as(TestUsers.NURSE, "consent").body(refusal).post("/consents").then().statusCode(201);
        String id = as(TestUsers.NURSE, "referral").body(needBody(hetu)).post("/needs").then().statusCode(201)
                .extract().path("referralId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, "referral")
                .get("/referrals/" + id).then().statusCode(200).body("consentStatus", equalTo("DENIED")));
        return new Fixture(id, hetu);
    }

    private Fixture sentReferral() {
        String[] ids = sent();
        return new Fixture(ids[1], ids[2]);
    }

    private Fixture sentNeed() {
        String[] ids = sent();
        return new Fixture(ids[0], ids[2]);
    }

    /** need → the client's consent recorded by the nurse → SENT. Returns need id, referral id, hetu. */
    private String[] sent() {
        String hetu = newHetu();
        var created = as(TestUsers.NURSE, "referral").body(needBody(hetu)).post("/needs").then().statusCode(201)
                .extract();
        String referralId = created.path("referralId");
        as(TestUsers.NURSE, "consent").body(consentBody(hetu, TestUsers.SOCIAL_SERVICES)).post("/consents").then()
                .statusCode(201);
        awaitStatus(referralId, "SENT");
        return new String[] { created.path("id"), referralId, hetu };
    }

    private Fixture moved(Fixture referral, String action, Object body, String status) {
        RequestSpecification request = as(TestUsers.SOCIAL_WORKER, "referral");
        if (body != null) {
            request = request.body(body);
        }
        request.post("/referrals/" + referral.id() + "/" + action).then().statusCode(200)
                .body("status", equalTo(status));
        return referral;
    }

    private Fixture cancelled(Fixture referral) {
        as(TestUsers.NURSE, "referral").post("/referrals/" + referral.id() + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        return referral;
    }

    /** SENT, then the client revokes the consent it rested on. */
    private Fixture suspendedReferral() {
        Fixture referral = sentReferral();
        TestUser client = clientOf(referral);
        List<String> consents = as(client, "consent").get("/me/consents").then().statusCode(200).extract()
                .path("id");
        for (String consent : consents) {
            as(client, "consent").post("/consents/" + consent + "/revoke").then().statusCode(200);
        }
        awaitStatus(referral.id(), "SUSPENDED");
        return referral;
    }

    private Fixture consent() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "consent").body(consentBody(hetu, TestUsers.SOCIAL_SERVICES))
                .post("/consents").then().statusCode(201).extract().path("id");
        return new Fixture(id, hetu);
    }

    /** An offering of the health centre in the service directory, registered by its unit lead. */
    private Fixture service() {
        String id = as(TestUsers.UNIT_LEAD, "referral").body(serviceBody()).post("/services").then().statusCode(201)
                .extract().path("id");
        return new Fixture(id, newHetu());
    }

    /** The social services' unit lead, who keeps its organisation's webhooks. */
    static final TestUser SOCIAL_SERVICES_LEAD = new TestUser("sociallead", TestUsers.SOCIAL_SERVICES, "SOCIAL",
            java.util.Set.of("unit-lead"), null);

    /** A webhook subscription of the lead's organisation (a public documentation address: never delivered to). */
    private Fixture webhook(TestUser lead) {
        String id = as(lead, "notification").body(webhookBody()).post("/webhooks").then().statusCode(201)
                .extract().path("id");
        return new Fixture(id, newHetu());
    }

    public static Map<String, Object> webhookBody() {
        return Map.of("url", "https://203.0.113.10/yhdyspinta/webhook",
                "eventTypes", List.of("fi.yhdyspinta.joint-assessment.overdue.v1"));
    }

    /** The NGO's unit lead, who keeps its offerings in the service directory. */
    static final TestUser NGO_LEAD = new TestUser("ngolead", TestUsers.NGO, "NGO", java.util.Set.of("unit-lead"), null);

    /** A waitlisted peer-support group of the NGO in the service directory. */
    private Fixture ngoService() {
        String id = as(NGO_LEAD, "referral").body(Map.of("name", "Vertaistukiryhmä yksinäisille", "categories",
                List.of("LONELINESS", "MENTAL_HEALTH"), "municipality", "698", "languages", List.of("fi"), "capacity",
                "WAITLIST", "waitBand", "WEEKS_2_TO_6")).post("/services").then().statusCode(201).extract().path("id");
        return new Fixture(id, newHetu());
    }

    /** The nurse prescribes the NGO's activity; with {@code permitted}, the client consents and it is SENT. */
    private Fixture socialPrescription(boolean permitted) {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "referral").body(Map.of("client", hetu, "serviceId", ngoService().id(),
                "needCategory", "LONELINESS")).post("/social-prescriptions").then().statusCode(201).extract()
                .path("id");
        if (permitted) {
            Map<String, Object> consent = new java.util.HashMap<>(consentBody(hetu, TestUsers.NGO));
            consent.put("purpose", "SOCIAL_PRESCRIBING");
            as(TestUsers.NURSE, "consent").body(consent).post("/consents").then().statusCode(201);
            awaitStatus(id, "SENT");
        }
        return new Fixture(id, hetu);
    }

    public static Map<String, Object> serviceBody() {
        return Map.of("name", "Terveysaseman depressiohoitajan vastaanotto", "categories", List.of("MENTAL_HEALTH"),
                "municipality", "091", "languages", List.of("fi", "sv"), "capacity", "YES");
    }

    private Fixture prohibition() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "consent")
                .body(Map.of("client", hetu, "register", "HEALTH", "recipientOrganisation", TestUsers.CENTRAL_HOSPITAL))
                .post("/prohibitions").then().statusCode(201).extract().path("id");
        return new Fixture(id, hetu);
    }

    private Fixture decision() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE, "consent").body(decisionBody(hetu)).post("/consent-decisions").then()
                .statusCode(201).extract().path("id");
        return new Fixture(id, hetu);
    }

    public static Map<String, Object> decisionBody(String hetu) {
        return Map.of("client", hetu, "recipientOrganisation", TestUsers.SOCIAL_SERVICES, "purpose", "REFERRAL",
                "dataCategories", List.of("NEED_SUMMARY"));
    }

    private Fixture jointAssessment() {
        String hetu = newHetu();
        String id = as(TestUsers.SOCIAL_WORKER, "careplan").body(jointAssessmentBody(hetu))
                .post("/joint-assessments").then().statusCode(201).extract().path("id");
        return new Fixture(id, hetu);
    }

    private Fixture acknowledged(Fixture assessment) {
        as(TestUsers.NURSE, "careplan").body(Map.of("participant", "Sairaanhoitaja", "scheduledAt",
                java.time.OffsetDateTime.now().plusDays(3).withNano(0).toString()))
                .post("/joint-assessments/" + assessment.id() + "/acknowledge").then().statusCode(200);
        return assessment;
    }

    /** The nurse records the client's consent JOINT_CLIENT_PLAN for the social services, then makes the plan. */
    private Fixture plan() {
        String hetu = newHetu();
        as(TestUsers.NURSE, "consent").body(Map.of("client", hetu, "purpose", "JOINT_CLIENT_PLAN", "recipients",
                List.of(TestUsers.SOCIAL_SERVICES), "dataCategories", List.of("CARE_PLAN"), "validUntil",
                LocalDate.now().plusYears(1).toString(), "form", "ORAL")).post("/consents").then().statusCode(201);
        String id = as(TestUsers.NURSE, "careplan").body(planBody(hetu, List.of(TestUsers.SOCIAL_SERVICES)))
                .post("/plans").then().statusCode(201).extract().path("id");
        return new Fixture(id, hetu);
    }

    /** A plan of the client with these participants besides the caller's organisation: one goal, no actions. */
    public static Map<String, Object> planBody(String hetu, List<String> participants) {
        return Map.of("client", hetu, "participants", participants, "goals",
                List.of(Map.of("description", "Arjen hallinta", "clientText", "Pärjään kotona")), "actions", List.of(),
                "reviewDate", LocalDate.now().plusMonths(3).toString());
    }

    public static Map<String, Object> jointAssessmentBody(String hetu) {
        return Map.of("client", hetu, "invitedOrganisation", TestUsers.HEALTH_CENTRE);
    }

    /** A REFERRAL_RECEIVED item in the social services' inbox. */
    private Fixture inboxItem() {
        Fixture referral = sentReferral();
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> ids = as(TestUsers.SOCIAL_WORKER, "notification").get("/inbox").then().statusCode(200)
                    .extract().path("findAll { it.referralId == '" + referral.id() + "' }.id");
            org.assertj.core.api.Assertions.assertThat(ids).isNotEmpty();
            id[0] = ids.get(0);
        });
        return new Fixture(id[0], referral.hetu());
    }

    private void awaitStatus(String referralId, String status) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, "referral")
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo(status)));
    }
}
