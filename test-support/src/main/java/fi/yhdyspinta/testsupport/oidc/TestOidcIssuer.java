package fi.yhdyspinta.testsupport.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID Connect issuer for tests: an RSA key pair, the discovery document and the JWKS,
 * served over HTTP on loopback. Services validate its tokens exactly as they validate Keycloak's.
 */
public final class TestOidcIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/yhdyspinta";
    private static final String KEY_ID = "yhdyspinta-test-key";

    private final HttpServer server;
    private final KeyPair keys;
    private final String issuer;

    private TestOidcIssuer(HttpServer server, KeyPair keys, String issuer) {
        this.server = server;
        this.keys = keys;
        this.issuer = issuer;
    }

    public static TestOidcIssuer start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "token_endpoint":"%1$s/protocol/openid-connect/token",
                     "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
            String jwks = jwks((RSAPublicKey) keys.getPublic());
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", ex -> json(ex, discovery));
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs", ex -> json(ex, jwks));
            TestOidcIssuer oidc = new TestOidcIssuer(server, keys, issuer);
            AuthorizationCodeLogin login = new AuthorizationCodeLogin(oidc);
            server.createContext(REALM_PATH + "/protocol/openid-connect/auth", login::authorize);
            server.createContext(REALM_PATH + "/protocol/openid-connect/token", login::token);
            server.start();
            return oidc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The issuer URL, which is also what {@code quarkus.oidc.auth-server-url} points at. */
    public String issuer() {
        return issuer;
    }

    /** Signs a token for the given user, for the suite's audience. */
    public String token(TestUser user) {
        return token(user, "yhdyspinta");
    }

    /** Signs a token for the given user for another audience (another application of the realm). */
    public String token(TestUser user, String audience) {
        return io.smallrye.jwt.build.Jwt.claims(user.claims())
                .issuer(issuer)
                .audience(audience)
                .expiresIn(3600)
                .jws().keyId(KEY_ID)
                .sign(keys.getPrivate());
    }

    /**
     * An ID token for a web application that logged the user in ({@code audience}: its client id), with the
     * {@code nonce} of the authorization request if it sent one.
     */
    String idToken(TestUser user, String audience, String nonce) {
        var claims = io.smallrye.jwt.build.Jwt.claims(user.claims()).issuer(issuer).audience(audience).expiresIn(3600);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return claims.jws().keyId(KEY_ID).sign(keys.getPrivate());
    }

    /** A token that claims this issuer but is signed with another key: services must refuse it. */
    public String forgedToken(TestUser user) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return io.smallrye.jwt.build.Jwt.claims(user.claims())
                    .issuer(issuer)
                    .audience("yhdyspinta")
                    .expiresIn(3600)
                    .jws().keyId(KEY_ID)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
