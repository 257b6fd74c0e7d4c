package fi.yhdyspinta.e2e.matrix;

import static fi.yhdyspinta.e2e.matrix.Who.ADMIN;
import static fi.yhdyspinta.e2e.matrix.Who.AUDITOR;
import static fi.yhdyspinta.e2e.matrix.Who.NGO;
import static fi.yhdyspinta.e2e.matrix.Who.OPS;
import static fi.yhdyspinta.e2e.matrix.Who.OTHER_CLIENT;
import static fi.yhdyspinta.e2e.matrix.Who.OTHER_HEALTH;
import static fi.yhdyspinta.e2e.matrix.Who.RECEIVER;
import static fi.yhdyspinta.e2e.matrix.Who.SENDER;
import static fi.yhdyspinta.e2e.matrix.Who.SENDER_LEAD;
import static fi.yhdyspinta.e2e.matrix.Who.THE_CLIENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7 as a table: for every operation, object state and actor, the answer. Professionals act
 * for their organisation; an organisation sees only what it sent or received, and a receiver nothing
 * of a referral until a consent decision permits it (404, which does not reveal that it exists); the
 * discloser asks for decisions and records consents, never the recipient (403); a client acts only on
 * own data; ops, archive and admin see no client data (403). {@code docs/security.md} shows the table.
 */
public final class AuthorizationMatrix {

    static final List<String> REFERRAL_STATES_BEFORE_PERMIT = List.of("referral:AWAITING_CONSENT", "referral:DENIED");
    static final List<String> REFERRAL_STATES_AFTER_PERMIT = List.of("referral:SENT", "referral:ACCEPTED",
            "referral:IN_PROGRESS", "referral:COMPLETED", "referral:DECLINED", "referral:CANCELLED",
            "referral:SUSPENDED");

    private AuthorizationMatrix() {
    }

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        referrals(rules);
        socialPrescriptions(rules);
        consents(rules);
        carePlans(rules);
        notifications(rules);
        operations(rules);
        audit(rules);
        archive(rules);
        fhir(rules);
        return rules;
    }

    /** DESIGN §9, issue 8: every service's archive feed is for role archive only; documents carry the henkilötunnus. */
    private static void archive(List<Rule> rules) {
        Map<String, String> documents = Map.of("referral", "referral:COMPLETED", "consent", "consent",
                "careplan", "plan", "notification", "no-archive-document");
        for (String service : List.of("referral", "consent", "careplan", "notification")) {
            String document = documents.get(service);
            int found = document.equals("no-archive-document") ? 404 : 200;
            rules.add(Rule.on(service, "GET", "/archive/documents", "client").query(f -> "after=0&limit=10")
                    .expect(200, Who.ARCHIVE).otherwise(403).note("ids and codes of the finished documents, in order"));
            rules.add(Rule.on(service, "GET", "/archive/documents/{id}", document).expect(found, Who.ARCHIVE)
                    .otherwise(403).note("the FHIR document Bundle, with the henkilötunnus: the archive only"));
            rules.add(Rule.on(service, "POST", "/archive/documents/{id}/ack", document)
                    .body(f -> Map.of("archiveId", "kanta-matrix-1", "version", 1)).expect(found, Who.ARCHIVE)
                    .otherwise(403).note("idempotent with the same archiveId"));
        }
    }

    /** FHIR R4 read views (issue 8): the authorization of the service's REST reads; the CapabilityStatement is public. */
    private static void fhir(List<Rule> rules) {
        for (String service : List.of("referral", "consent", "careplan")) {
            rules.add(Rule.on(service, "GET", "/fhir/metadata", "client").expect(200, Who.values())
                    .note("the CapabilityStatement: no data"));
        }
        rules.add(Rule.on("consent", "GET", "/fhir/Consent/{id}", "consent")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                .note("as GET /consents: the recording or a named organisation"));
        rules.add(Rule.on("consent", "GET", "/fhir/Consent", "client").query(f -> "patient=" + f.hetu())
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("a searchset of the consents the caller may see"));
        rules.add(Rule.on("consent", "GET", "/fhir/AuditEvent", "client").query(f -> "patient=" + f.hetu())
                .expect(200, SENDER_LEAD).otherwise(403).note("as GET /audit/records: the lead's own organisation's acts"));
        for (String state : List.of("referral:AWAITING_CONSENT", "referral:SENT", "referral:COMPLETED")) {
            boolean permitted = !state.equals("referral:AWAITING_CONSENT");
            for (String view : List.of("/fhir/ServiceRequest/{id}", "/fhir/Task/{id}")) {
                rules.add(Rule.on("referral", "GET", view, state).expect(200, SENDER, SENDER_LEAD)
                        .expect(permitted ? 200 : 404, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                        .note("as GET /referrals/{id}"));
            }
        }
        rules.add(Rule.on("referral", "GET", "/fhir/ServiceRequest", "client").query(f -> "patient=" + f.hetu())
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("only referrals whose client the caller may see"));
        rules.add(Rule.on("careplan", "GET", "/fhir/CarePlan/{id}", "plan")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                .note("as GET /plans/{id}; a revoked or removed share 403 (no ids-only CarePlan)"));
        rules.add(Rule.on("careplan", "GET", "/fhir/CarePlan", "client").query(f -> "patient=" + f.hetu())
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("only plans the caller's organisation shares"));
    }

    /** DESIGN §8: every service's chain is verified by the auditor or ops; a unit lead reads their organisation's acts. */
    private static void audit(List<Rule> rules) {
        for (String service : List.of("referral", "consent", "careplan", "notification")) {
            rules.add(Rule.on(service, "GET", "/audit/verify", "client").expect(200, AUDITOR, OPS).otherwise(403)
                    .note("counts, positions and hashes — no client data"));
        }
        rules.add(Rule.on("consent", "GET", "/audit/records", "client-overview").query(f -> "client=" + f.id())
                .expect(200, SENDER_LEAD).otherwise(403)
                .note("only the acts of the lead's own organisation on the client"));
    }

    private static void referrals(List<Rule> rules) {
        rules.add(Rule.on("referral", "POST", "/needs", "client").body(f -> Fixtures.needBody(f.hetu()))
                .expect(201, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH)
                .expect(400, RECEIVER).note("the target is the caller's own organisation").otherwise(403));
        rules.add(Rule.on("referral", "POST", "/referrals", "client").body(f -> Fixtures.needBody(f.hetu()))
                .expect(201, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH)
                .expect(400, RECEIVER).note("as a need: awaits consent; not to the caller's own organisation")
                .otherwise(403));
        rules.add(Rule.on("referral", "GET", "/needs/{id}", "need")
                .expect(200, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("before a permit the target does not see the need"));
        rules.add(Rule.on("referral", "GET", "/referrals", "client").query(f -> "direction=received")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("lists hold only the organisation's own, and for a receiver only permitted ones"));
        for (String state : REFERRAL_STATES_BEFORE_PERMIT) {
            rules.add(Rule.on("referral", "GET", "/referrals/{id}", state)
                    .expect(200, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        }
        for (String state : REFERRAL_STATES_AFTER_PERMIT) {
            rules.add(Rule.on("referral", "GET", "/referrals/{id}", state)
                    .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                    .note(state.endsWith("SUSPENDED") ? "the receiver sees ids and status only" : ""));
        }
        for (String state : List.of("referral:AWAITING_CONSENT", "referral:SENT")) {
            rules.add(Rule.on("referral", "GET", "/referrals/{id}/history", state)
                    .expect(200, SENDER, SENDER_LEAD).expect(state.equals("referral:SENT") ? 200 : 404, RECEIVER)
                    .expect(404, NGO, OTHER_HEALTH).otherwise(403).note("whoever may see the referral"));
        }
        // the receiver's actions
        receiverAction(rules, "accept", null, "referral:SENT", 200);
        receiverAction(rules, "accept", null, "referral:AWAITING_CONSENT", 404);
        receiverAction(rules, "accept", null, "referral:ACCEPTED", 409);
        receiverAction(rules, "accept", null, "referral:SUSPENDED", 409);
        receiverAction(rules, "start", null, "referral:ACCEPTED", 200);
        receiverAction(rules, "start", null, "referral:SENT", 409);
        Map<String, Object> decline = Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.NGO);
        receiverAction(rules, "decline", decline, "referral:SENT", 200);
        receiverAction(rules, "decline", decline, "referral:DENIED", 404);
        receiverAction(rules, "decline", decline, "referral:COMPLETED", 409);
        Map<String, Object> complete = Map.of("outcome", "SERVICE_PROVIDED");
        receiverAction(rules, "complete", complete, "referral:IN_PROGRESS", 200);
        receiverAction(rules, "complete", complete, "referral:AWAITING_CONSENT", 404);
        receiverAction(rules, "complete", complete, "referral:SENT", 409);
        Map<String, Object> forward = Map.of("targetOrganisation", TestUsers.CHILD_WELFARE, "reason", "BETTER_SUITED");
        receiverAction(rules, "forward", forward, "referral:SENT", 201);
        receiverAction(rules, "forward", forward, "referral:AWAITING_CONSENT", 404);
        receiverAction(rules, "forward", forward, "referral:COMPLETED", 409);
        // the sender's actions
        rules.add(Rule.on("referral", "POST", "/referrals/{id}/reroute", "referral:DECLINED").changes()
                .body(f -> Map.of("targetOrganisation", TestUsers.NGO))
                .expect(201, SENDER, SENDER_LEAD).expect(403, RECEIVER).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403).note("the sender sends a declined or expired referral on, once"));
        rules.add(Rule.on("referral", "POST", "/referrals/{id}/reroute", "referral:SENT")
                .body(f -> Map.of("targetOrganisation", TestUsers.NGO))
                .expect(409, SENDER, SENDER_LEAD).expect(403, RECEIVER).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403));
        rules.add(Rule.on("referral", "POST", "/referrals/{id}/cancel", "referral:AWAITING_CONSENT").changes()
                .expect(200, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("referral", "POST", "/referrals/{id}/cancel", "referral:SENT").changes()
                .expect(200, SENDER, SENDER_LEAD).expect(403, RECEIVER).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403));
        rules.add(Rule.on("referral", "POST", "/referrals/{id}/cancel", "referral:COMPLETED")
                .expect(409, SENDER, SENDER_LEAD).expect(403, RECEIVER).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403));
    }

    /** Social prescribing (hyvinvointilähete): the nurse prescribes the NGO's activity; the NGO confirms. */
    private static void socialPrescriptions(List<Rule> rules) {
        rules.add(Rule.on("referral", "POST", "/social-prescriptions", "ngo-service")
                .body(f -> Map.of("client", Fixtures.newHetu(), "serviceId", f.id(), "needCategory", "LONELINESS"))
                .expect(201, SENDER, SENDER_LEAD, RECEIVER, OTHER_HEALTH).otherwise(403)
                .note("a professional prescribes; the NGO worker does not"));
        rules.add(Rule.on("referral", "GET", "/social-prescriptions/{id}", "social-prescription")
                .expect(200, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("the NGO sees nothing before the permit"));
        rules.add(Rule.on("referral", "GET", "/social-prescriptions/{id}", "social-prescription:SENT")
                .expect(200, SENDER, SENDER_LEAD, NGO).expect(404, RECEIVER, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("referral", "POST", "/social-prescriptions/{id}/start", "social-prescription")
                .expect(403, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("referral", "POST", "/social-prescriptions/{id}/start", "social-prescription:SENT")
                .changes().expect(200, NGO).expect(403, SENDER, SENDER_LEAD).expect(404, RECEIVER, OTHER_HEALTH)
                .otherwise(403).note("only the NGO offering the activity confirms"));
        rules.add(Rule.on("referral", "POST", "/social-prescriptions/{id}/attendance", "social-prescription:SENT")
                .body(f -> Map.of("attendance", "ATTENDED"))
                .expect(409, NGO).expect(403, SENDER, SENDER_LEAD).expect(404, RECEIVER, OTHER_HEALTH)
                .otherwise(403).note("not started yet"));
    }

    private static void receiverAction(List<Rule> rules, String action, Object body, String state, int receiver) {
        Rule rule = Rule.on("referral", "POST", "/referrals/{id}/" + action, state)
                .expect(receiver, RECEIVER)
                .expect(403, SENDER, SENDER_LEAD).note("only the receiver acts on a referral it received")
                .expect(404, NGO, OTHER_HEALTH);
        if (receiver / 100 == 2) {
            rule.changes();
        }
        if (body != null) {
            rule.body(f -> body);
        }
        rules.add(rule.otherwise(403));
    }

    private static void consents(List<Rule> rules) {
        rules.add(Rule.on("consent", "POST", "/consents", "client")
                .body(f -> Fixtures.consentBody(f.hetu(), TestUsers.SOCIAL_SERVICES))
                .expect(201, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH)
                .expect(403, RECEIVER).note("a recipient never records the consent that releases data to it")
                .otherwise(403));
        rules.add(Rule.on("consent", "GET", "/consents", "consent").query(f -> "client=" + f.hetu())
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("only consents the caller's organisation recorded or is named in"));
        rules.add(Rule.on("consent", "POST", "/consents/{id}/revoke", "consent").changes()
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, THE_CLIENT)
                .expect(404, NGO, OTHER_HEALTH, OTHER_CLIENT).otherwise(403));
        rules.add(Rule.on("consent", "POST", "/prohibitions", "client")
                .body(f -> Map.of("client", f.hetu(), "register", "HEALTH"))
                .expect(201, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH)
                .otherwise(403).note("a professional on the client's word; the client uses /me/prohibitions"));
        rules.add(Rule.on("consent", "POST", "/prohibitions/{id}/revoke", "prohibition").changes()
                .expect(200, SENDER, SENDER_LEAD, THE_CLIENT)
                .expect(404, RECEIVER, NGO, OTHER_HEALTH, OTHER_CLIENT).otherwise(403));
        rules.add(Rule.on("consent", "POST", "/consent-decisions", "client").body(f -> Fixtures.decisionBody(f.hetu()))
                .expect(201, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH)
                .expect(403, RECEIVER).note("the recipient never asks for a permit for itself").otherwise(403));
        rules.add(Rule.on("consent", "GET", "/consent-decisions/{id}", "decision")
                .expect(200, SENDER, SENDER_LEAD).expect(404, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("consent", "GET", "/me/consents", "client").expect(200, THE_CLIENT, OTHER_CLIENT)
                .otherwise(403));
        rules.add(Rule.on("consent", "POST", "/me/consents", "client")
                .body(f -> withoutClient(Fixtures.consentBody(f.hetu(), TestUsers.SOCIAL_SERVICES)))
                .expect(201, THE_CLIENT, OTHER_CLIENT).otherwise(403).note("the client's own answer"));
        rules.add(Rule.on("consent", "GET", "/me/access-log", "client").expect(200, THE_CLIENT, OTHER_CLIENT)
                .otherwise(403));
        rules.add(Rule.on("consent", "GET", "/me/prohibitions", "client").expect(200, THE_CLIENT, OTHER_CLIENT)
                .otherwise(403));
        rules.add(Rule.on("consent", "POST", "/me/prohibitions", "client").body(f -> Map.of("register", "HEALTH"))
                .expect(201, THE_CLIENT, OTHER_CLIENT).otherwise(403));
        rules.add(Rule.on("consent", "GET", "/organisations", "organisation")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH, ADMIN).otherwise(403));
        rules.add(Rule.on("consent", "GET", "/organisations/{oid}", "organisation")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH, ADMIN).otherwise(403));
        rules.add(Rule.on("consent", "PUT", "/organisations/{oid}", "organisation")
                .body(f -> Map.of("name", "Lapin Mielenterveysyhdistys ry", "sector", "NGO", "municipality", "698",
                        "active", true))
                .expect(200, ADMIN).otherwise(403).note("only admin manages the registry"));
        rules.add(Rule.on("referral", "GET", "/services", "service").query(f -> "category=MENTAL_HEALTH")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("the service directory holds no client data: every professional searches it"));
        rules.add(Rule.on("referral", "GET", "/services/{id}", "service")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("referral", "POST", "/services", "organisation").body(f -> Fixtures.serviceBody())
                .expect(201, SENDER_LEAD).otherwise(403).note("a unit lead, for their own organisation"));
        rules.add(Rule.on("referral", "PUT", "/services/{id}", "service").body(f -> Fixtures.serviceBody()).changes()
                .expect(200, SENDER_LEAD).otherwise(403).note("only the offering organisation's unit lead"));
    }

    private static Map<String, Object> withoutClient(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.remove("client");
        copy.remove("form");
        return copy;
    }

    private static void carePlans(List<Rule> rules) {
        rules.add(Rule.on("careplan", "POST", "/joint-assessments", "client")
                .body(f -> Fixtures.jointAssessmentBody(f.hetu()))
                .expect(201, RECEIVER).otherwise(403).note("a social worker invites (THL 32.2 §, SHL 41 §)"));
        rules.add(Rule.on("careplan", "GET", "/joint-assessments/{id}", "joint-assessment")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                .note("the requesting social services and the invited health centre"));
        rules.add(Rule.on("careplan", "POST", "/joint-assessments/{id}/acknowledge", "joint-assessment").changes()
                .body(f -> Map.of("participant", "Sairaanhoitaja", "scheduledAt",
                        OffsetDateTime.now().plusDays(3).withNano(0).toString()))
                .expect(200, SENDER, SENDER_LEAD).expect(403, RECEIVER).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403).note("only the invited organisation acknowledges; it cannot decline"));
        rules.add(Rule.on("careplan", "POST", "/joint-assessments/{id}/complete", "joint-assessment")
                .expect(409, RECEIVER).expect(403, SENDER, SENDER_LEAD).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403).note("not acknowledged yet"));
        rules.add(Rule.on("careplan", "POST", "/joint-assessments/{id}/complete", "joint-assessment:ACKNOWLEDGED")
                .changes().expect(200, RECEIVER).expect(403, SENDER, SENDER_LEAD).expect(404, NGO, OTHER_HEALTH)
                .otherwise(403).note("the requesting organisation completes"));
        plans(rules);
        rules.add(Rule.on("careplan", "GET", "/clients/{clientId}/overview", "client-overview")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("each organisation sees what it is party to"));
    }

    /**
     * Joint client plans (SHL 39 §, 42 §, 46 §): the plan is the health centre's with the social services taking
     * part (the nurse recorded the client's consent JOINT_CLIENT_PLAN for it); anyone else gets 404.
     */
    private static void plans(List<Rule> rules) {
        rules.add(Rule.on("careplan", "POST", "/plans", "client").body(f -> Fixtures.planBody(f.hetu(), List.of()))
                .expect(201, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("a plan of the caller's own organisation; each other participant needs consent JOINT_CLIENT_PLAN"));
        rules.add(Rule.on("careplan", "GET", "/plans/{id}", "plan")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                .note("the participating organisations; ids only after a revocation"));
        rules.add(Rule.on("careplan", "PUT", "/plans/{id}", "plan")
                .body(f -> Fixtures.planBody(f.hetu(), List.of(TestUsers.SOCIAL_SERVICES)))
                .expect(428, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403)
                .note("If-Match (the ETag read) is required before anything else"));
        rules.add(Rule.on("careplan", "GET", "/plans/{id}/versions", "plan")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("careplan", "POST", "/plans/{id}/responsible-worker", "plan").changes()
                .body(f -> Map.of("worker", "lead", "organisation", TestUsers.HEALTH_CENTRE, "reason", "WORKLOAD"))
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403)
                .note("a participant hands the responsible worker (SHL 42 §) over"));
        rules.add(Rule.on("careplan", "GET", "/plans/{id}/responsible-worker/history", "plan")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER).expect(404, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("careplan", "GET", "/me/plans", "client")
                .expect(200, THE_CLIENT, OTHER_CLIENT).otherwise(403).note("the client's own plans, plain language"));
    }

    /** Every service's ops endpoints (platform): dead letters of the topics it consumes, quarantined outbox rows. */
    private static void operations(List<Rule> rules) {
        Map<String, String> consumed = Map.of("referral", "consents", "consent", "needs", "careplan", "referrals",
                "notification", "referrals");
        for (String service : List.of("referral", "consent", "careplan", "notification")) {
            String topic = consumed.get(service);
            rules.add(Rule.on(service, "GET", "/ops/dead-letters", "client").query(f -> "topic=" + topic)
                    .expect(200, OPS).otherwise(403).note("ids, types, reasons — never event data"));
            rules.add(Rule.on(service, "POST", "/ops/dead-letters/{topic}/{partition}/{offset}/redrive",
                    "no-dead-letter").pathPrefix(topic).expect(404, OPS).otherwise(403)
                    .note("no letter at that offset"));
            rules.add(Rule.on(service, "POST", "/ops/dead-letters/redrive", "client").query(f -> "topic=" + topic)
                    .expect(200, OPS).otherwise(403));
            rules.add(Rule.on(service, "GET", "/ops/outbox/quarantine", "client").expect(200, OPS).otherwise(403)
                    .note("rows the broker refused, without payload"));
            rules.add(Rule.on(service, "POST", "/ops/outbox/quarantine/{position}/redrive", "no-quarantined-row")
                    .expect(404, OPS).otherwise(403));
            rules.add(Rule.on(service, "DELETE", "/ops/outbox/quarantine/{position}", "no-quarantined-row")
                    .expect(404, OPS).otherwise(403));
        }
    }

    private static void notifications(List<Rule> rules) {
        rules.add(Rule.on("notification", "GET", "/inbox", "client")
                .expect(200, SENDER, SENDER_LEAD, RECEIVER, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("notification", "GET", "/inbox/{id}", "inbox-item")
                .expect(200, RECEIVER).expect(404, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH).otherwise(403)
                .note("the organisation's own inbox; another's is an audited refusal"));
        rules.add(Rule.on("notification", "POST", "/inbox/{id}/ack", "inbox-item").changes()
                .expect(200, RECEIVER).expect(404, SENDER, SENDER_LEAD, NGO, OTHER_HEALTH).otherwise(403));
        rules.add(Rule.on("notification", "PUT", "/organisations/{oid}/channels", "own-channels")
                .body(f -> Map.of("email", "kirjaamo@kittila.example", "emailEnabled", true))
                .expect(200, SENDER_LEAD, ADMIN).otherwise(403).note("the unit lead of the organisation"));
        rules.add(Rule.on("notification", "PUT", "/organisations/{oid}/channels", "other-channels")
                .body(f -> Map.of("email", "kirjaamo@kittila.example", "emailEnabled", false))
                .expect(200, ADMIN).otherwise(403).note("another organisation's channels"));
        rules.add(Rule.on("notification", "GET", "/organisations/{oid}/channels", "own-channels")
                .expect(200, SENDER_LEAD, ADMIN).otherwise(403));
        rules.add(Rule.on("notification", "GET", "/ops/inbox", "client").expect(200, OPS).otherwise(403)
                .note("the ops inbox (archive-overdue): ids and codes, no client data"));
        rules.add(Rule.on("notification", "POST", "/ops/inbox/{id}/ack", "no-archive-document")
                .expect(404, OPS).otherwise(403).note("role ops only"));
        webhooks(rules);
    }

    /** Issue 13: an organisation's webhooks are its unit lead's; the dead-letter view is for ops (and the lead's own). */
    private static void webhooks(List<Rule> rules) {
        rules.add(Rule.on("notification", "POST", "/webhooks", "client").changes().body(f -> Fixtures.webhookBody())
                .expect(201, SENDER_LEAD).otherwise(403).note("a URL of the own organisation; the secret shown once"));
        rules.add(Rule.on("notification", "GET", "/webhooks", "client")
                .expect(200, SENDER_LEAD).otherwise(403).note("the own organisation's, without secrets"));
        rules.add(Rule.on("notification", "DELETE", "/webhooks/{id}", "own-webhook").changes()
                .expect(204, SENDER_LEAD).otherwise(403));
        rules.add(Rule.on("notification", "DELETE", "/webhooks/{id}", "other-webhook")
                .expect(404, SENDER_LEAD).otherwise(403).note("another organisation's webhook"));
        rules.add(Rule.on("notification", "POST", "/webhooks/{id}/secret", "own-webhook").changes()
                .expect(200, SENDER_LEAD).otherwise(403).note("rotation: the new secret shown once"));
        rules.add(Rule.on("notification", "POST", "/webhooks/{id}/secret", "other-webhook")
                .expect(404, SENDER_LEAD).otherwise(403).note("another organisation's webhook"));
        rules.add(Rule.on("notification", "GET", "/webhooks/deliveries", "client").query(f -> "status=DEAD")
                .expect(200, OPS, SENDER_LEAD).otherwise(403).note("ops: every organisation's; a unit lead: its own"));
        rules.add(Rule.on("notification", "POST", "/webhooks/deliveries/{id}/resend", "no-webhook-delivery")
                .expect(404, OPS, SENDER_LEAD).otherwise(403));
    }
}
