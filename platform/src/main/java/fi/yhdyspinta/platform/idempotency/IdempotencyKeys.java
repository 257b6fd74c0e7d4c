package fi.yhdyspinta.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;

/**
 * The pure parts of idempotency: which keys are acceptable, whose key it is, and how a request is
 * fingerprinted. The key is stored only as its SHA-256: it is the client's text and could be anything.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** Why {@code key} is not acceptable, or empty: 1-255 printable ASCII characters (space to tilde), not blank. */
    public static Optional<String> problemWith(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return Optional.of("must be 1-" + MAX_LENGTH + " printable ASCII characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return Optional.of("must be 1-" + MAX_LENGTH + " printable ASCII characters");
            }
        }
        return Optional.empty();
    }

    /** The key is checked; a bad one is a 400 naming the header. */
    public static String require(String key) {
        problemWith(key).ifPresent(problem -> {
            throw invalid(problem);
        });
        return key;
    }

    static ProblemException invalid(String problem) {
        return new ProblemException(ProblemType.VALIDATION, HEADER + ": " + problem,
                List.of(new Problem.FieldError(HEADER, problem)), Map.of());
    }

    /** Keys are per organisation (any of its professionals may retry), or per person without one (a client). */
    public static String ownerOf(Caller caller) {
        return caller.organisation().map(org -> "org:" + org).orElse("sub:" + caller.subject());
    }

    public static String keyHash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** SHA-256 of the method, the path and the canonical JSON of the body. */
    public static String fingerprint(String method, String path, String canonicalBody) {
        return HexFormat.of().formatHex(sha256(method + " " + path + "\n" + canonicalBody));
    }

    /** A 64-bit advisory lock id for (owner, key), so that a duplicate in flight is seen at once. */
    public static long lockId(String owner, String keyHash) {
        return ByteBuffer.wrap(sha256(owner + "\n" + keyHash)).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
