package fi.yhdyspinta.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A small kustomize, enough for deploy/k8s (no kustomize binary on the build machine): {@code resources} (files and
 * kustomization directories), {@code configMapGenerator} / {@code secretGenerator} (files and literals, without
 * name hashes), {@code patches} (strategic merge by resource id or target, JSON 6902 add/replace/remove by target),
 * {@code labels} (metadata only) and {@code images} (newName/newTag), in kustomize's order. Whatever it does not
 * implement it refuses, so a kustomization that would need more fails the build instead of resolving differently
 * from kustomize.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "images",
            "configMapGenerator", "secretGenerator", "generatorOptions", "labels");
    /** Lists of built-in kinds that a strategic merge patch merges by a key, and the key. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");

    private Kustomize() {
    }

    /** The resources that {@code kubectl kustomize dir} would print, in order. */
    static List<ObjectNode> build(Path dir) {
        JsonNode k = read(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field + "' is not supported here");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                for (JsonNode doc : read(path)) {
                    resources.add((ObjectNode) doc);
                }
            }
        }
        boolean generators = k.has("configMapGenerator") || k.has("secretGenerator");
        if (generators && !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalArgumentException(dir + ": generators need generatorOptions.disableNameSuffixHash: true here");
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            resources.add(generate(dir, generator, "ConfigMap"));
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            resources.add(generate(dir, generator, "Secret"));
        }
        for (JsonNode patch : k.path("patches")) {
            patch(dir, resources, patch);
        }
        for (JsonNode label : k.path("labels")) {
            if (label.path("includeSelectors").asBoolean() || label.path("includeTemplates").asBoolean()) {
                throw new IllegalArgumentException(dir + ": labels only on metadata here");
            }
            for (ObjectNode resource : resources) {
                ObjectNode labels = object(object(resource, "metadata"), "labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
        }
        for (JsonNode image : k.path("images")) {
            resources.forEach(resource -> setImage(resource, image));
        }
        Set<String> ids = new HashSet<>();
        for (ObjectNode resource : resources) {
            if (!ids.add(id(resource))) {
                throw new IllegalArgumentException(dir + ": two resources with the id " + id(resource));
            }
        }
        return resources;
    }

    /** Every YAML document of a file that holds something (a file may open with comments and "---"). */
    static List<JsonNode> read(Path file) {
        try {
            // document by document: a reader's readValues would also split a document that is a list (a JSON patch)
            List<JsonNode> docs = new ArrayList<>();
            try (JsonParser parser = YAML.getFactory().createParser(Files.readString(file))) {
                while (parser.nextToken() != null) {
                    JsonNode doc = YAML.readTree(parser);
                    if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String id(JsonNode resource) {
        return group(resource) + "/" + resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }

    static String group(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static ObjectNode generate(Path dir, JsonNode generator, String kind) {
        for (Iterator<String> it = generator.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!Set.of("name", "files", "literals", "options", "type").contains(field)) {
                throw new IllegalArgumentException(dir + ": generator field '" + field + "' is not supported here");
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        }
        for (JsonNode file : generator.path("files")) {
            String text = file.asText();
            String key = text.contains("=") ? text.substring(0, text.indexOf('=')) : Path.of(text).getFileName().toString();
            String path = text.contains("=") ? text.substring(text.indexOf('=') + 1) : text;
            try {
                data.put(key, Files.readString(dir.resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode resource = NODES.objectNode();
        resource.put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        if (generator.path("options").has("labels")) {
            metadata.set("labels", generator.path("options").path("labels").deepCopy());
        }
        ObjectNode values = resource.putObject("data");
        if (kind.equals("Secret")) {
            resource.put("type", generator.path("type").asText("Opaque"));
            data.forEach((key, value) -> values.put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        } else {
            data.forEach(values::put);
        }
        return resource;
    }

    private static void patch(Path dir, List<ObjectNode> resources, JsonNode entry) {
        List<JsonNode> docs;
        if (entry.has("path")) {
            docs = read(dir.resolve(entry.path("path").asText()));
        } else {
            try {
                docs = List.of(YAML.readTree(entry.path("patch").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (docs.size() != 1) {
            throw new IllegalArgumentException(dir + ": one patch per file here: " + entry);
        }
        JsonNode patch = docs.get(0);
        List<ObjectNode> targets;
        if (entry.has("target")) {
            targets = resources.stream().filter(resource -> matches(resource, entry.path("target"))).toList();
        } else if (patch.isObject()) {
            targets = resources.stream().filter(resource -> id(resource).equals(id(patch))).toList();
            if (targets.size() != 1) {
                throw new IllegalArgumentException(dir + ": no unique target for the patch of " + id(patch));
            }
        } else {
            throw new IllegalArgumentException(dir + ": a JSON 6902 patch needs a target: " + entry);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(dir + ": the patch matches nothing: " + entry);
        }
        for (ObjectNode target : targets) {
            if (patch.isArray()) {
                for (JsonNode operation : patch) {
                    json6902(target, operation);
                }
            } else {
                merge(target, patch, builtIn(target));
            }
        }
    }

    private static boolean matches(JsonNode resource, JsonNode target) {
        for (Iterator<String> it = target.fieldNames(); it.hasNext();) {
            String field = it.next();
            String wanted = target.path(field).asText();
            boolean ok = switch (field) {
                case "group" -> group(resource).equals(wanted);
                case "version" -> resource.path("apiVersion").asText().endsWith("/" + wanted)
                        || resource.path("apiVersion").asText().equals(wanted);
                case "kind" -> resource.path("kind").asText().equals(wanted);
                case "name" -> Pattern.matches(wanted, resource.path("metadata").path("name").asText());
                case "labelSelector" -> labelsMatch(resource.path("metadata").path("labels"), wanted);
                default -> throw new IllegalArgumentException("patch target field '" + field + "' is not supported here");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelsMatch(JsonNode labels, String selector) {
        for (String term : selector.split(",")) {
            String[] pair = term.trim().split("=", 2);
            if (pair.length != 2 || !labels.path(pair[0]).asText("\u0000").equals(pair[1])) {
                return false;
            }
        }
        return true;
    }

    /** Built-in kinds carry list merge keys in their schema; custom resources have none, so their lists are replaced. */
    private static boolean builtIn(JsonNode resource) {
        String group = group(resource);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    static void merge(ObjectNode target, JsonNode patch, boolean builtIn) {
        patch.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("strategic merge directive " + name + " is not supported here");
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, value, builtIn);
            } else if (value.isArray() && current != null && current.isArray() && builtIn) {
                String key = MERGE_KEYS.get(name);
                if (key == null) {
                    throw new IllegalArgumentException("merging the list '" + name + "' is not supported here");
                }
                mergeList((ArrayNode) current, (ArrayNode) value, key, builtIn);
            } else {
                target.set(name, value.deepCopy());
            }
        });
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key, boolean builtIn) {
        for (JsonNode element : patch) {
            ObjectNode existing = null;
            for (JsonNode candidate : current) {
                if (candidate.path(key).equals(element.path(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                current.add(element.deepCopy());
            } else {
                merge(existing, element, builtIn);
            }
        }
    }

    static void json6902(ObjectNode resource, JsonNode operation) {
        String op = operation.path("op").asText();
        List<String> path = new ArrayList<>();
        for (String token : operation.path("path").asText().substring(1).split("/", -1)) {
            path.add(token.replace("~1", "/").replace("~0", "~"));
        }
        JsonNode parent = resource;
        for (String token : path.subList(0, path.size() - 1)) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
            if (parent == null) {
                throw new IllegalArgumentException(id(resource) + ": no " + operation.path("path").asText());
            }
        }
        String last = path.get(path.size() - 1);
        JsonNode value = operation.get("value");
        switch (op) {
            case "add" -> {
                if (parent.isArray()) {
                    if (last.equals("-")) {
                        ((ArrayNode) parent).add(value.deepCopy());
                    } else {
                        ((ArrayNode) parent).insert(Integer.parseInt(last), value.deepCopy());
                    }
                } else {
                    ((ObjectNode) parent).set(last, value.deepCopy());
                }
            }
            case "replace", "remove" -> {
                boolean present = parent.isArray() ? Integer.parseInt(last) < parent.size() : parent.has(last);
                if (!present) {
                    throw new IllegalArgumentException(id(resource) + ": " + op + " of a missing " + operation.path("path").asText());
                }
                if (op.equals("remove")) {
                    if (parent.isArray()) {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                } else if (parent.isArray()) {
                    ((ArrayNode) parent).set(Integer.parseInt(last), value.deepCopy());
                } else {
                    ((ObjectNode) parent).set(last, value.deepCopy());
                }
            }
            // RFC 6902 test: the patch applies only where the path holds the value (guards a patch by index)
            case "test" -> {
                JsonNode actual = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
                if (!value.equals(actual)) {
                    throw new IllegalArgumentException(id(resource) + ": " + operation.path("path").asText() + " is " + actual
                            + ", not " + value);
                }
            }
            default -> throw new IllegalArgumentException("JSON patch op '" + op + "' is not supported here");
        }
    }

    /** kustomize's images transformer: every container of the resource whose image name is the entry's name. */
    private static void setImage(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        String current = container.path("image").asText();
                        if (imageName(current).equals(image.path("name").asText())) {
                            String name = image.path("newName").asText(imageName(current));
                            String tag = image.has("newTag") ? image.path("newTag").asText() : imageTag(current);
                            ((ObjectNode) container).put("image", tag == null ? name : name + ":" + tag);
                        }
                    }
                } else {
                    setImage(field.getValue(), image);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> setImage(element, image));
        }
    }

    static String imageName(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(0, colon) : image;
    }

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : null;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child == null || !child.isObject()) {
            return parent.putObject(field);
        }
        return (ObjectNode) child;
    }
}
