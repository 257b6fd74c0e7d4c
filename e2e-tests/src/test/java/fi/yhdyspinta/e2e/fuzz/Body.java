package fi.yhdyspinta.e2e.fuzz;

import java.nio.charset.StandardCharsets;

/** A request body as sent: its media type and bytes. */
public record Body(String contentType, byte[] bytes) {

    public static Body json(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
