package fi.yhdyspinta.platform.problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a request body that Jackson refused: the field (its JSON path, e.g.
 * {@code dataCategories[1]}; {@code body} for the document as a whole) and a message. Built from the
 * path and the target type only — never from the exception's message, which quotes input.
 */
public final class JsonProblems {

    /** The field named when the document as a whole is wrong (not JSON, not an object, nothing sent). */
    public static final String BODY = "body";

    /** A field name from the request is repeated only when it looks like one (it might be anything). */
    private static final Pattern FIELD_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");

    private JsonProblems() {
    }

    public static Problem.FieldError of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String path = pathOf(mapping);
            if (e instanceof UnrecognizedPropertyException unknown) {
                var refs = unknown.getPath();
                boolean named = !refs.isEmpty()
                        && java.util.Objects.equals(refs.get(refs.size() - 1).getFieldName(), unknown.getPropertyName());
                if (!named) {
                    path = join(path, safeName(unknown.getPropertyName()));
                }
                return new Problem.FieldError(path, "is not a field of this request (unknown, or set by the server)");
            }
            String field = path.isEmpty() ? BODY : path;
            if (e instanceof ValueInstantiationException) {
                return new Problem.FieldError(field, "is not valid");
            }
            if (e instanceof InvalidFormatException format) {
                return new Problem.FieldError(field, expectation(format.getTargetType()));
            }
            if (e instanceof MismatchedInputException mismatch) {
                if (path.isEmpty() && mismatch.getTargetType() != null && isObject(mismatch.getTargetType())) {
                    return new Problem.FieldError(BODY, "must be a JSON object");
                }
                return new Problem.FieldError(field, expectation(mismatch.getTargetType()));
            }
            return new Problem.FieldError(field, "has the wrong type or shape");
        }
        String field = parserPath(e);
        if (e instanceof StreamConstraintsException) {
            return new Problem.FieldError(field, "exceeds the limits of a request (nesting, length or size)");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new Problem.FieldError(field, "appears more than once");
        }
        return new Problem.FieldError(field, "is not well-formed JSON");
    }

    /** {@code dataCategories[1]}, {@code recipients[0]}, {@code a.b}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(safeName(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Where a streaming parser stopped: the path of the value it was reading, or {@code body}. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return BODY;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.inObject() && context.getCurrentName() != null) {
                parts.push("." + safeName(context.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? BODY : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String safeName(String name) {
        return name != null && FIELD_NAME.matcher(name).matches() ? name : "(a field name that is not an identifier)";
    }

    private static boolean isObject(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && !type.isArray() && !Collection.class.isAssignableFrom(type)
                && !CharSequence.class.isAssignableFrom(type) && !Number.class.isAssignableFrom(type)
                && type != Boolean.class && !type.getName().startsWith("java.");
    }

    /** What the field must be, by the type it is read into. */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type or shape";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "must be a JSON number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == java.time.Instant.class) {
            return "must be a timestamp (ISO 8601 with offset, e.g. 2026-01-31T12:00:00+02:00)";
        }
        if (Map.class.isAssignableFrom(type) || isObject(type)) {
            return "must be a JSON object";
        }
        return "has the wrong type or shape";
    }
}
