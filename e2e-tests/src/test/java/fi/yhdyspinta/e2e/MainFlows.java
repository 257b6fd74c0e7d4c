package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * The main flow of DESIGN §4 — need → the client's consent recorded by the nurse → SENT → accept →
 * complete — driven for many fresh clients at once over several instances of each service, as users
 * behind a load balancer would: a request that fails (instance killed, connection reset, 5xx, database
 * away) is sent again to the next instance after a short pause, creating requests with the same
 * {@code Idempotency-Key}, so a retry never creates twice. Afterwards {@link #assertEachCompletedExactlyOnce}
 * checks the outcome, the wire and the inboxes.
 */
final class MainFlows {

    /** Generous: a 2-core CI machine, a killed instance's partitions to move, a database to come back. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One flow: a fresh client and what the API answered for it. */
    static final class Flow {
        final String hetu = Fixtures.newHetu();
        final int index;
        volatile String needId;
        volatile String referralId;
        volatile String consentId;
        volatile String stage = "new";

        Flow(int index) {
            this.index = index;
        }

        String clientId() {
            return new Fixtures.Fixture(null, hetu).clientId(Suite.COUNTY_KEY);
        }

        @Override
        public String toString() {
            return "flow " + index + " (referral " + referralId + ", at " + stage + ")";
        }
    }

    private final Map<String, List<ServiceProcess>> instances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicInteger consented = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<String, AtomicInteger> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Flow> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code instances}: per service ("referral", "consent", "careplan", "notification") its instances. */
    MainFlows(Map<String, List<ServiceProcess>> instances) {
        this.instances = instances;
    }

    /** Flows that have had their consent recorded so far: for starting a fault in the middle of the run. */
    int consented() {
        return consented.get();
    }

    /** How many flows are at which stage now: to show that a fault struck flows in flight. */
    Map<String, Long> stages() {
        return started.stream().collect(Collectors.groupingBy(f -> f.stage, java.util.TreeMap::new,
                Collectors.counting()));
    }

    /** Requests sent again after a failed answer (for the report). */
    int retries() {
        return retries.get();
    }

    /** Non-2xx statuses and transport failures seen, by kind (for the report). */
    Map<String, Integer> failures() {
        return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    /** Starts {@code count} flows, {@code concurrency} at a time; the future completes when all have. */
    CompletableFuture<List<Flow>> start(int count, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Flow> flows = new ArrayList<>();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Flow flow = new Flow(i);
            flows.add(flow);
            started.add(flow);
            runs.add(CompletableFuture.runAsync(() -> run(flow), pool));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> pool.shutdown())
                .thenApply(done -> flows);
    }

    /** Waits for the flows started by {@link #start}; fails with the first flow that could not finish. */
    static List<Flow> join(CompletableFuture<List<Flow>> run) throws Exception {
        try {
            return run.get(PATIENCE.toSeconds() * 4, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void run(Flow flow) {
        JsonNode need = send(flow, "referral", TestUsers.NURSE, "POST", "/needs",
                Fixtures.needBody(flow.hetu), UUID.randomUUID().toString(), Set.of(201));
        flow.needId = need.path("id").asText();
        flow.referralId = need.path("referralId").asText();
        flow.stage = "need";
        JsonNode consent = send(flow, "consent", TestUsers.NURSE, "POST", "/consents",
                Fixtures.consentBody(flow.hetu, TestUsers.SOCIAL_SERVICES), UUID.randomUUID().toString(), Set.of(201));
        flow.consentId = consent.path("id").asText();
        flow.stage = "consent";
        consented.incrementAndGet();
        awaitStatus(flow, Set.of("SENT"));
        flow.stage = "sent";
        transition(flow, "accept", null, "ACCEPTED", Set.of("ACCEPTED", "IN_PROGRESS", "COMPLETED"));
        flow.stage = "accepted";
        transition(flow, "complete", Map.of("outcome", "SERVICE_PROVIDED"), "COMPLETED", Set.of("COMPLETED"));
        flow.stage = "completed";
    }

    /**
     * A transition without an idempotency key: if the answer is lost, the referral may have moved anyway; a
     * refusal then is fine when the referral is already where the transition leads.
     */
    private void transition(Flow flow, String action, Object body, String status, Set<String> reached) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int attempt = 0;
        while (true) {
            ServiceProcess instance = pick("referral", flow.index + attempt++);
            try {
                HttpResponse<String> response = exchange(instance, TestUsers.SOCIAL_WORKER, "POST",
                        "/referrals/" + flow.referralId + "/" + action, body, null);
                if (response.statusCode() == 200) {
                    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo(status);
                    return;
                }
                count(String.valueOf(response.statusCode()));
                if (response.statusCode() >= 400 && response.statusCode() < 500) {
                    String now = currentStatus(flow);
                    if (reached.contains(now)) {
                        return; // the first attempt went through, its answer was lost
                    }
                }
            } catch (IOException e) {
                count(e.getClass().getSimpleName());
            }
            pause(flow, deadline, action);
        }
    }

    private String currentStatus(Flow flow) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                HttpResponse<String> response = exchange(pick("referral", attempt), TestUsers.NURSE, "GET",
                        "/referrals/" + flow.referralId, null, null);
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body()).path("status").asText();
                }
            } catch (IOException e) {
                // the next instance
            }
            sleep(500);
        }
        return "unknown";
    }

    private void awaitStatus(Flow flow, Set<String> wanted) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(currentStatusOnce(flow)).as(flow.toString()).isIn(wanted));
    }

    private String currentStatusOnce(Flow flow) throws IOException {
        HttpResponse<String> response;
        try {
            response = exchange(pick("referral", (int) (System.nanoTime() & 1)), TestUsers.NURSE,
                    "GET", "/referrals/" + flow.referralId, null, null);
        } catch (IOException e) {
            count("GET " + e.getClass().getSimpleName());
            throw e;
        }
        if (response.statusCode() != 200) {
            count("GET " + response.statusCode());
        }
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("status").asText()
                : "HTTP " + response.statusCode();
    }

    /** Sends until one of the {@code expected} statuses answers, to the next instance after each failure. */
    private JsonNode send(Flow flow, String service, TestUser user, String method, String path, Object body,
            String idempotencyKey, Set<Integer> expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int attempt = 0;
        while (true) {
            ServiceProcess instance = pick(service, flow.index + attempt++);
            try {
                HttpResponse<String> response = exchange(instance, user, method, path, body, idempotencyKey);
                if (expected.contains(response.statusCode())) {
                    return JSON.readTree(response.body());
                }
                count(String.valueOf(response.statusCode()));
                if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                    count("503 without Retry-After");
                }
                if (response.statusCode() < 500 && response.statusCode() != 409 && response.statusCode() != 429) {
                    throw new AssertionError(flow + ": " + method + " " + path + " answered "
                            + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                count(e.getClass().getSimpleName());
            }
            pause(flow, deadline, method + " " + path);
        }
    }

    private void pause(Flow flow, long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(flow + ": " + what + " did not succeed within " + PATIENCE + "; " + failures());
        }
        retries.incrementAndGet();
        sleep(500);
    }

    private void count(String kind) {
        answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The instance for this attempt: the live ones in turn (a dead one is what a balancer takes out). */
    private ServiceProcess pick(String service, int attempt) {
        List<ServiceProcess> all = instances.get(service);
        ServiceProcess chosen = all.get(Math.floorMod(attempt, all.size()));
        return chosen;
    }

    private HttpResponse<String> exchange(ServiceProcess instance, TestUser user, String method, String path,
            Object body, String idempotencyKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestInfrastructure.tokenFor(user))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // --- what must hold afterwards ---------------------------------------------------------------------

    /**
     * Every flow completed exactly once: the referral COMPLETED; on the family topics exactly one
     * need-identified, consent-granted, referral-sent, -accepted and -completed event per client (by event
     * id: a record the relay sent again after a kill carries the same id and the inboxes drop it — counted
     * in the returned report); exactly one REFERRAL_RECEIVED item per referral in the receiver's inbox and
     * one REFERRAL_COMPLETED in the sender's.
     */
    String assertEachCompletedExactlyOnce(List<Flow> flows) {
        for (Flow flow : flows) {
            awaitStatus(flow, Set.of("COMPLETED"));
        }
        Map<String, Flow> byClient = flows.stream().collect(Collectors.toMap(Flow::clientId, f -> f));
        List<EventType> types = List.of(EventType.NEED_IDENTIFIED, EventType.CONSENT_GRANTED, EventType.REFERRAL_SENT,
                EventType.REFERRAL_ACCEPTED, EventType.REFERRAL_COMPLETED);
        List<String> topics = List.of(Topic.NEEDS.topic(), Topic.CONSENTS.topic(), Topic.REFERRALS.topic());
        // per client and type: the event ids seen, and how many records carried them
        Map<String, Map<String, Set<String>>> ids = new HashMap<>();
        int[] records = new int[1];
        KafkaRecords.readUntil(TestInfrastructure.get().kafka().bootstrapServers(), topics, read -> {
            ids.clear();
            records[0] = 0;
            for (ConsumerRecord<String, String> record : read) {
                if (!byClient.containsKey(record.key())) {
                    continue;
                }
                JsonNode event = TestEvents.tree(record.value());
                String type = event.path("type").asText();
                if (types.stream().noneMatch(t -> t.type().equals(type))) {
                    continue;
                }
                records[0]++;
                ids.computeIfAbsent(record.key(), k -> new HashMap<>())
                        .computeIfAbsent(type, k -> new java.util.TreeSet<>()).add(event.path("id").asText());
            }
            return ids.size() == flows.size() && ids.values().stream().allMatch(m -> m.size() == types.size());
        }, Duration.ofSeconds(60));
        int events = 0;
        for (Flow flow : flows) {
            Map<String, Set<String>> mine = ids.getOrDefault(flow.clientId(), Map.of());
            for (EventType type : types) {
                assertThat(mine.getOrDefault(type.type(), Set.of())).as(flow + ": " + type + " on the wire")
                        .hasSize(1);
                events++;
            }
        }
        assertThat(records[0]).as("records").isGreaterThanOrEqualTo(events);

        assertOneInboxItemEach(TestUsers.SOCIAL_WORKER, "REFERRAL_RECEIVED", flows);
        assertOneInboxItemEach(TestUsers.NURSE, "REFERRAL_COMPLETED", flows);
        return "%d flows, %d events, %d records (%d sent again with the same id), %d requests retried, failures %s"
                .formatted(flows.size(), events, records[0], records[0] - events, retries(), failures());
    }

    private void assertOneInboxItemEach(TestUser user, String type, List<Flow> flows) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> response = exchange(pick("notification", (int) (System.nanoTime() & 1)), user,
                    "GET", "/inbox?type=" + type, null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Long> items = new HashMap<>();
            for (JsonNode item : JSON.readTree(response.body())) {
                items.merge(item.path("referralId").asText(), 1L, Long::sum);
            }
            for (Flow flow : flows) {
                assertThat(items.getOrDefault(flow.referralId, 0L)).as(flow + ": " + type + " items in the inbox")
                        .isEqualTo(1L);
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
