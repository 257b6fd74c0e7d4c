package fi.yhdyspinta.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** A fuzzed request sent and its answer (or why there was none). */
public record Exchange(FuzzRequest request, String target, int status, String contentType, String body,
        String failure) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static Exchange send(FuzzRequest request, IdPool pool) {
        String target = request.target(pool);
        HttpRequest.Builder http;
        try {
            http = HttpRequest.newBuilder(URI.create(request.operation().baseUri() + target))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzzer built an unusable URL: " + target, e);
        }
        String authorization = request.caller().authorization();
        if (authorization != null) {
            http.header("Authorization", authorization);
        }
        request.headers().forEach(http::header);
        if (request.body() != null) {
            http.header("Content-Type", request.body().contentType());
            http.method(request.operation().method(), HttpRequest.BodyPublishers.ofByteArray(request.body().bytes()));
        } else {
            http.method(request.operation().method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Exchange exchange = new Exchange(request, target, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), null);
            if (exchange.status() / 100 == 2) {
                pool.harvest(exchange.json());
            }
            return exchange;
        } catch (IOException e) {
            return new Exchange(request, target, 0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as JSON, or null when it is not JSON. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Schemas.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
