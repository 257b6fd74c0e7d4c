package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a field is in a request body: property names and array indexes, written {@code a.b[0].c}. */
public record FieldPath(List<Object> segments) {

    public static FieldPath root() {
        return new FieldPath(List.of());
    }

    public FieldPath property(String name) {
        List<Object> more = new ArrayList<>(segments);
        more.add(name);
        return new FieldPath(List.copyOf(more));
    }

    public FieldPath index(int index) {
        List<Object> more = new ArrayList<>(segments);
        more.add(index);
        return new FieldPath(List.copyOf(more));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public FieldPath parent() {
        return new FieldPath(segments.subList(0, segments.size() - 1));
    }

    public Object last() {
        return segments.get(segments.size() - 1);
    }

    /** The name the field has in its object: the last property name on the path. */
    public String name() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof String name) {
                return name;
            }
        }
        return "";
    }

    /** Sets the value, creating objects and arrays on the way. */
    public void set(ObjectNode root, JsonNode value) {
        JsonNode container = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            container = child(container, segments.get(i), segments.get(i + 1));
        }
        Object last = last();
        if (last instanceof String name) {
            ((ObjectNode) container).set(name, value);
        } else {
            ArrayNode array = (ArrayNode) container;
            int index = (Integer) last;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        }
    }

    public void remove(ObjectNode root) {
        JsonNode container = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            container = child(container, segments.get(i), segments.get(i + 1));
        }
        if (last() instanceof String name) {
            ((ObjectNode) container).remove(name);
        } else if (((ArrayNode) container).size() > (Integer) last()) {
            ((ArrayNode) container).remove((Integer) last());
        }
    }

    public JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            node = segment instanceof String name ? node.path(name) : node.path((Integer) segment);
        }
        return node;
    }

    private static JsonNode child(JsonNode container, Object segment, Object next) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode fresh = next instanceof String ? nodes.objectNode() : nodes.arrayNode();
        if (segment instanceof String name) {
            ObjectNode object = (ObjectNode) container;
            JsonNode existing = object.get(name);
            if (existing == null || existing.getNodeType() != fresh.getNodeType()) {
                object.set(name, fresh);
                return fresh;
            }
            return existing;
        }
        ArrayNode array = (ArrayNode) container;
        int index = (Integer) segment;
        while (array.size() <= index) {
            array.addNull();
        }
        JsonNode existing = array.get(index);
        if (existing == null || existing.getNodeType() != fresh.getNodeType()) {
            array.set(index, fresh);
            return fresh;
        }
        return existing;
    }

    /**
     * Whether an answer's field name points at this field: the same path, its parent collection or
     * object (e.g. {@code recipients} for {@code recipients[0]}), or a path ending in it.
     */
    public static boolean names(String answered, String target) {
        String a = normalise(answered);
        String t = normalise(target);
        if (a.isEmpty() || t.isEmpty()) {
            return false;
        }
        return a.equals(t) || t.startsWith(a + ".") || t.startsWith(a + "[") || a.startsWith(t + ".")
                || a.startsWith(t + "[") || a.endsWith("." + t);
    }

    /** JSON pointer or JSON path spellings to {@code a.b[0]}. */
    static String normalise(String field) {
        if (field == null) {
            return "";
        }
        String f = field.trim();
        if (f.startsWith("/")) {
            f = f.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
        }
        f = f.replaceFirst("^\\$\\.?", "").replaceFirst("^(body|query|path|header|request)\\.", "");
        return f.replace(".[", "[");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof String name) {
                out.append(out.isEmpty() ? "" : ".").append(name);
            } else {
                out.append('[').append(segment).append(']');
            }
        }
        return out.toString();
    }
}
