package fi.yhdyspinta.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The value of a path, query or header parameter as the request will carry it. */
public sealed interface ParamValue {

    /** The value percent-encoded for a URL (with no pool: as it will be chosen, for showing). */
    String encoded(IdPool pool);

    /** The value as the server decodes it. */
    String decoded(IdPool pool);

    /** A text, percent-encoded when sent. */
    record Literal(String text) implements ParamValue {
        @Override
        public String encoded(IdPool pool) {
            return encode(text);
        }

        @Override
        public String decoded(IdPool pool) {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Percent-encoded junk sent as written ({@code %FF%FE}). */
    record Encoded(String raw) implements ParamValue {
        @Override
        public String encoded(IdPool pool) {
            return raw;
        }

        @Override
        public String decoded(IdPool pool) {
            return decode(raw);
        }

        @Override
        public String toString() {
            return raw + " (sent encoded)";
        }
    }

    /** The n-th id the services handed out, or a UUID no one has when there is none yet. */
    record Pooled(String name, boolean uuid, int n) implements ParamValue {
        @Override
        public String encoded(IdPool pool) {
            return pool == null ? toString() : encode(decoded(pool));
        }

        @Override
        public String decoded(IdPool pool) {
            if (pool == null) {
                return toString();
            }
            return pool.pick(name, uuid, n).orElseGet(() -> uuid
                    ? UUID.nameUUIDFromBytes(("fuzz-" + n).getBytes(StandardCharsets.UTF_8)).toString()
                    : "fuzz" + n);
        }

        @Override
        public String toString() {
            return "<id #" + n + " handed out earlier>";
        }
    }

    /** RFC 3986: everything but the unreserved characters as UTF-8 %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && raw.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
