package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ids the services handed out in successful answers, by property name, so that path parameters can
 * name real objects (a need, a referral, a consent) and reach past the 404 into the operation itself.
 */
public final class IdPool {

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ANY_UUID = "*uuid";
    private static final int KEEP = 300;

    private final Map<String, List<String>> values = new ConcurrentHashMap<>();

    public void harvest(JsonNode answer) {
        if (answer == null) {
            return;
        }
        if (answer.isArray()) {
            int seen = 0;
            for (JsonNode element : answer) {
                if (seen++ > 50) {
                    break;
                }
                harvest(element);
            }
        } else if (answer.isObject()) {
            answer.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && UUID.matcher(value.asText()).matches()) {
                    add(field.getKey(), value.asText());
                    add(ANY_UUID, value.asText());
                } else if (value.isTextual() && field.getKey().endsWith("Id") && value.asText().length() <= 100) {
                    add(field.getKey(), value.asText());
                } else if (value.isContainerNode()) {
                    harvest(value);
                }
            });
        }
    }

    private void add(String name, String value) {
        List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
        synchronized (list) {
            if (!list.contains(value)) {
                list.add(value);
                if (list.size() > KEEP) {
                    list.remove(0);
                }
            }
        }
    }

    /** The n-th UUID seen in any answer (for a UUID parameter), else the n-th value seen under the parameter's name. */
    public Optional<String> pick(String name, boolean uuid, int n) {
        List<String> list = values.getOrDefault(uuid ? ANY_UUID : name, List.of());
        synchronized (list) {
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(Math.floorMod(n, list.size())));
        }
    }
}
