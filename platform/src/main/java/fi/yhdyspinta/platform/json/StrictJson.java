package fi.yhdyspinta.platform.json;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly, in every service (the REST layer's ObjectMapper; events have their
 * own mapper in {@code events/EventJson} and are not touched). A body that a lenient reader would
 * "understand" differently than its author meant is refused with 400 naming the field:
 * <ul>
 * <li>unknown fields, and fields the server owns ({@code id}, {@code status}, {@code createdBy}, …),
 * which no request record declares;</li>
 * <li>numbers for codes ({@code "urgency": 2}) — an enum's ordinal is no code;</li>
 * <li>any scalar coercion: a number or boolean for a string, {@code "true"} for a boolean, {@code "5"}
 * for a number, {@code 1.5} for an integer, an epoch number for a date, {@code ""} for a code, UUID or
 * date;</li>
 * <li>a code with surrounding spaces ({@code " ROUTINE"}) — Jackson would trim it and read ROUTINE;</li>
 * <li>the same field twice, and anything after the JSON document.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** After Quarkus' own customizers (they register the Java time module, whose lenient readers this replaces). */
    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }

    /** Makes {@code mapper} strict; also for tests, which check the rules on a real mapper. */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the only way in a customizer
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT);
        mapper.disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        mapper.disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        mapper.disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // Dates and timestamps as ISO strings only (no epoch numbers, no out-of-range days)
        mapper.setDefaultLeniency(false);

        // ALLOW_COERCION_OF_SCALARS does not cover strings: a number or boolean for a string is refused here.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is no code, UUID, date, number, boolean, list or object (a string field may be empty; @NotBlank decides)
        for (LogicalType type : new LogicalType[] { LogicalType.Enum, LogicalType.OtherScalar, LogicalType.DateTime,
                LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.POJO, LogicalType.Collection,
                LogicalType.Array, LogicalType.Map }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new StrictTimestamps());
        mapper.registerModule(new ExactCodes());
        return mapper;
    }

    /**
     * Timestamps as ISO 8601 strings only: Jackson reads a number as epoch seconds even when not lenient.
     * Registered last, so it comes before the Java time module's own deserializer.
     */
    static final class StrictTimestamps extends SimpleModule {

        StrictTimestamps() {
            super("yhdyspinta-strict-timestamps");
            addDeserializer(OffsetDateTime.class, new StringOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
            addDeserializer(Instant.class, new StringOnly<>(Instant.class, InstantDeserializer.INSTANT));
        }
    }

    /**
     * Codes exactly as written: Jackson's enum reader trims a value it does not know and tries again,
     * so {@code " ROUTINE"} would pass as ROUTINE. Refused here, before the enum reader sees it.
     */
    static final class ExactCodes extends SimpleModule {

        ExactCodes() {
            super("yhdyspinta-exact-codes");
            setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                        BeanDescription description, JsonDeserializer<?> deserializer) {
                    return new Untrimmed(deserializer);
                }
            });
        }
    }

    private static final class Untrimmed extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Untrimmed(JsonDeserializer<?> codes) {
            super(codes);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> codes) {
            return new Untrimmed(codes);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.isEmpty() && !text.equals(text.strip())) {
                    return context.handleWeirdStringValue(handledType(), text, "a code has no surrounding spaces");
                }
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class StringOnly<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> iso;

        StringOnly(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return iso.deserialize(parser, context);
        }
    }
}
