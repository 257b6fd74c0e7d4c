package fi.yhdyspinta.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's webhook endpoint in the test JVM (JDK HttpServer on loopback): records every request and answers
 * what {@code answer} says for the n-th request (1-based). Verifies Standard Webhooks signatures on its own, with
 * javax.crypto, as docs/webhooks.md tells an integrator to.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {

        List<String> signatures() {
            return signature == null ? List.of() : Arrays.asList(signature.split(" "));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntUnaryOperator answer = n -> 204;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(IntUnaryOperator answer) {
        this.answer = answer;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests answered 2xx, in the order they arrived. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status;
        synchronized (this) {
            status = answer.applyAsInt(received.size() + 1);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Whether one of the request's {@code v1,} signatures is the HMAC-SHA256 of id.timestamp.body with the secret. */
    static boolean signedWith(Received request, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            return request.signatures().contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
