package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A field of a request body schema that a mutation can aim at. */
public record Target(FieldPath path, String name, JsonNode schema, boolean required) {

    /** Every field of the schema, nested objects and array elements ({@code recipients[0]}) included. */
    public static List<Target> of(JsonNode schema) {
        List<Target> targets = new ArrayList<>();
        collect(FieldPath.root(), schema, targets, 0);
        return targets;
    }

    private static void collect(FieldPath at, JsonNode schema, List<Target> targets, int depth) {
        if (depth > 4) {
            return;
        }
        List<String> required = Schemas.required(schema);
        for (Map.Entry<String, JsonNode> property : Schemas.properties(schema).entrySet()) {
            FieldPath path = at.property(property.getKey());
            JsonNode value = property.getValue();
            targets.add(new Target(path, property.getKey(), value, required.contains(property.getKey())));
            String type = Schemas.type(value);
            if ("object".equals(type)) {
                collect(path, value, targets, depth + 1);
            } else if ("array".equals(type)) {
                JsonNode items = value.path("items");
                FieldPath element = path.index(0);
                targets.add(new Target(element, property.getKey(), items, false));
                if ("object".equals(Schemas.type(items))) {
                    collect(element, items, targets, depth + 1);
                }
            }
        }
    }

    /** The objects of the body (the body itself first), with their schemas: where unknown fields can go. */
    public static List<Target> objects(JsonNode schema) {
        List<Target> objects = new ArrayList<>();
        objects.add(new Target(FieldPath.root(), "", schema, true));
        for (Target target : of(schema)) {
            if ("object".equals(Schemas.type(target.schema()))) {
                objects.add(target);
            }
        }
        return objects;
    }

    public String type() {
        return Schemas.type(schema);
    }

    public boolean isHetu() {
        return Schemas.isHetu(name, schema);
    }

    public boolean isOid() {
        return Schemas.isOid(name, schema);
    }
}
