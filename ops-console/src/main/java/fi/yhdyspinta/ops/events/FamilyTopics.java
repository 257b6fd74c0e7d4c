package fi.yhdyspinta.ops.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The family topics of the AsyncAPI document ({@code asyncapi.yaml} of the events module): every channel's
 * address that is not a dead-letter topic ({@code .dlq}), in the document's order.
 */
public final class FamilyTopics {

    static final String DOCUMENT = "asyncapi.yaml";

    private FamilyTopics() {
    }

    public static List<String> ofDocument() {
        try (InputStream in = FamilyTopics.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path (events module)");
            }
            return of(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> of(JsonNode document) {
        List<String> topics = new ArrayList<>();
        document.path("channels").forEach(channel -> {
            String address = channel.path("address").asText("");
            if (!address.isEmpty() && !address.endsWith(".dlq")) {
                topics.add(address);
            }
        });
        return topics;
    }
}
