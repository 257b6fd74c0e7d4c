package fi.yhdyspinta.careplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * consent-service's {@code POST /consent-decisions} as this module's tests need it, served over real HTTP on a free
 * port (the real consent-service is another application; the e2e module runs both for real). It keeps consents
 * recorded by a discloser for a recipient and decides like consent-service does for JOINT_CLIENT_PLAN: PERMIT with
 * the consent id when one covers (client, discloser, recipient, purpose), else DENY NO_VALID_CONSENT; the recipient
 * asking for itself is 403, an organisation outside the registry 400, a request without a bearer token 401. It
 * remembers each request's token and the discloser named in it, so tests can check the caller's token was used.
 */
public class ConsentServiceDouble implements QuarkusTestResourceLifecycleManager {

    /** Not an organisation of the registry (consent-service answers 400 naming recipientOrganisation). */
    public static final String UNKNOWN_ORGANISATION = "1.2.246.10.999999.1";

    public record Asked(String authorization, String subject, String discloser, String recipient, String purpose) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, UUID> CONSENTS = new ConcurrentHashMap<>();
    private static final List<Asked> ASKED = new CopyOnWriteArrayList<>();
    private static volatile HttpServer server;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        startServer(0);
        return Map.of("yhdyspinta.consent-service.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The client's consent, recorded by the discloser, to disclose the plan to the recipient; answers its id. */
    public static UUID grant(String hetu, String discloser, String recipient) {
        UUID id = UUID.randomUUID();
        CONSENTS.put(key(hetu, discloser, recipient), id);
        return id;
    }

    /** The consent no longer covers anything (consent-service would also announce consent-revoked). */
    public static void revoke(String hetu, String discloser, String recipient) {
        CONSENTS.remove(key(hetu, discloser, recipient));
    }

    public static List<Asked> asked() {
        return List.copyOf(ASKED);
    }

    /** Runs {@code work} while consent-service cannot be reached (its port refuses connections). */
    public static void unreachableDuring(Runnable work) {
        server.stop(0);
        try {
            work.run();
        } finally {
            startServer(port);
        }
    }

    private static synchronized void startServer(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            started.createContext("/consent-decisions", ConsentServiceDouble::decide);
            started.start();
            server = started;
            port = started.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void decide(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, JSON.createObjectNode());
                return;
            }
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, JSON.createObjectNode().put("status", 401));
                return;
            }
            String discloser = claim(authorization.substring(7), "org");
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String hetu = body.path("client").asText();
            String recipient = body.path("recipientOrganisation").asText();
            String purpose = body.path("purpose").asText();
            ASKED.add(new Asked(authorization, claim(authorization.substring(7), "sub"), discloser, recipient, purpose));
            if (recipient.equals(discloser)) {
                answer(exchange, 403, JSON.createObjectNode().put("status", 403));
                return;
            }
            if (UNKNOWN_ORGANISATION.equals(recipient)) {
                answer(exchange, 400, JSON.createObjectNode().put("status", 400));
                return;
            }
            UUID consent = "JOINT_CLIENT_PLAN".equals(purpose)
                    && Set.of("CARE_PLAN").equals(Set.of(body.path("dataCategories").path(0).asText()))
                    ? CONSENTS.get(key(hetu, discloser, recipient)) : null;
            ObjectNode decision = JSON.createObjectNode();
            decision.put("id", UUID.randomUUID().toString());
            decision.put("outcome", consent != null ? "PERMIT" : "DENY");
            decision.put("basis", consent != null ? "CONSENT" : null);
            decision.put("reason", consent != null ? null : "NO_VALID_CONSENT");
            decision.put("consentId", consent == null ? null : consent.toString());
            decision.put("clientId", "0".repeat(64));
            decision.put("requestingOrganisation", discloser);
            decision.put("recipientOrganisation", recipient);
            decision.put("purpose", purpose);
            decision.putArray("dataCategories").add("CARE_PLAN");
            answer(exchange, 201, decision);
        }
    }

    private static String claim(String jwt, String name) throws IOException {
        String[] parts = jwt.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path(name).asText(null);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String key(String hetu, String discloser, String recipient) {
        return hetu + "|" + discloser + "|" + recipient;
    }
}
