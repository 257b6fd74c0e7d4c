package fi.yhdyspinta.testsupport.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * The authorization-code flow of {@link TestOidcIssuer}, for web applications (the ops console) tested in a
 * browser: the authorization endpoint shows a login page where the test types a user name of {@link TestUsers}
 * (no password: test users only), then redirects to the application's {@code redirect_uri} with a one-time code;
 * the token endpoint trades the code for an access token (audience {@code yhdyspinta}, as the services expect)
 * and an ID token (audience: the client id). Client authentication is not checked.
 */
final class AuthorizationCodeLogin {

    private record Grant(TestUser user, String clientId, String nonce) {
    }

    private final TestOidcIssuer issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    AuthorizationCodeLogin(TestOidcIssuer issuer) {
        this.issuer = issuer;
    }

    void authorize(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            TestUser user = TestUsers.bySubject(form.getOrDefault("username", "")).orElse(null);
            if (user == null) {
                html(exchange, 200, loginPage(form, "Unknown user"));
                return;
            }
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(user, form.get("client_id"), blankToNull(form.get("nonce"))));
            String redirect = form.get("redirect_uri");
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                    + (form.get("state") == null ? "" : "&state=" + encode(form.get("state")));
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || query.get("redirect_uri") == null) {
            html(exchange, 400, "<p>response_type=code and redirect_uri are required</p>");
            return;
        }
        html(exchange, 200, loginPage(query, null));
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = "authorization_code".equals(form.get("grant_type")) ? codes.remove(form.getOrDefault("code", ""))
                : null;
        if (grant == null) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String clientId = grant.clientId() != null ? grant.clientId() : form.getOrDefault("client_id", "yhdyspinta");
        String body = """
                {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":3600}"""
                .formatted(issuer.token(grant.user()), issuer.idToken(grant.user(), clientId, grant.nonce()));
        send(exchange, 200, "application/json", body);
    }

    private static String loginPage(Map<String, String> request, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[] { "client_id", "redirect_uri", "state", "nonce" }) {
            if (request.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(request.get(name))).append("\">");
            }
        }
        return """
                <!DOCTYPE html><html><head><meta charset="UTF-8"><title>Test login</title></head><body>
                <h1>Yhdyspinta test login</h1>%s
                <form method="post"><label>User name <input id="username" name="username"></label>%s
                <button id="login" type="submit">Log in</button></form></body></html>"""
                .formatted(error == null ? "" : "<p id=\"error\">" + error + "</p>", hidden);
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=UTF-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
