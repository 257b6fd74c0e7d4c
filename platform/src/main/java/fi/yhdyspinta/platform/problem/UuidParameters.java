package fi.yhdyspinta.platform.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads UUID path and query parameters so that a malformed one answers 400 naming the parameter,
 * rather than the bare 404 that JAX-RS gives for a parameter it cannot convert.
 */
@Provider
public class UuidParameters implements ParamConverterProvider {

    private static final String UUID_FORMAT =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = nameOf(annotations);
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null || !value.matches(UUID_FORMAT)) {
                    throw ProblemException.invalidField(name, "must be a UUID");
                }
                return UUID.fromString(value);
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        return Arrays.stream(annotations == null ? new Annotation[0] : annotations)
                .map(a -> a instanceof PathParam path ? path.value()
                        : a instanceof QueryParam query ? query.value() : null)
                .filter(java.util.Objects::nonNull).findFirst().orElse("id");
    }
}
