package fi.yhdyspinta.platform.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns a henkilötunnus into the county-wide pseudonymous {@link ClientId}. */
@ApplicationScoped
public class ClientIdPseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec countyKey;

    public ClientIdPseudonymiser(@ConfigProperty(name = "yhdyspinta.client-id.county-key") String countyKey) {
        if (countyKey.length() < 32) {
            throw new IllegalStateException("yhdyspinta.client-id.county-key must have at least 32 characters");
        }
        this.countyKey = new SecretKeySpec(countyKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public ClientId clientIdOf(Henkilotunnus hetu) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(countyKey);
            return new ClientId(HexFormat.of().formatHex(mac.doFinal(hetu.value().getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
