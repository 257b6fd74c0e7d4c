package fi.yhdyspinta.ops.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import fi.yhdyspinta.ops.OpsConfig;

/**
 * HTTP calls to the services named in {@code yhdyspinta.ops.services}. Calls to their ops endpoints carry the
 * logged-in engineer's own access token (propagated, never a console account of its own), so each service's own
 * authorization decides; health and metrics are public on the services and go without a token.
 */
@ApplicationScoped
public class ServiceCalls {

    private final Map<String, String> urls = new TreeMap<>();
    private final OpsConfig config;
    private final AccessTokenCredential accessToken;
    private final HttpClient http;

    public ServiceCalls(OpsConfig config, AccessTokenCredential accessToken) {
        this.config = config;
        this.accessToken = accessToken;
        config.services().forEach((name, service) -> urls.put(name, service.url().replaceAll("/+$", "")));
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    /** The watched services' names, in name order. */
    public List<String> names() {
        return List.copyOf(urls.keySet());
    }

    /** A public endpoint (/q/health, /q/metrics): no token. */
    public Answer getPublic(String service, String path) {
        return send(service, path, "GET", false);
    }

    /** An ops endpoint, as the logged-in engineer. */
    public Answer get(String service, String path) {
        return send(service, path, "GET", true);
    }

    /** An ops action (a re-drive), as the logged-in engineer. */
    public Answer post(String service, String path) {
        return send(service, path, "POST", true);
    }

    private Answer send(String service, String path, String method, boolean asCaller) {
        String base = urls.get(service);
        if (base == null) {
            return Answer.unreachable("unknown service");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.callTimeout())
                .header("Accept", "application/json, text/plain")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (asCaller) {
            request.header("Authorization", "Bearer " + accessToken.getToken());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return Answer.unreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unreachable("interrupted");
        }
    }

    /** A service's answer: the status and body, or why there was none ({@code status} 0). */
    public record Answer(int status, String body, String unreachable) {

        static Answer unreachable(String why) {
            return new Answer(0, null, why);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
