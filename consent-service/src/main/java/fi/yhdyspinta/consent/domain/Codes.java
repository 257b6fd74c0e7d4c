package fi.yhdyspinta.consent.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import fi.yhdyspinta.events.code.DataCategory;

/** Lists of codes and OIDs are stored as comma-separated text. */
public final class Codes {

    private Codes() {
    }

    public static String join(Collection<?> values) {
        return values.stream().map(Object::toString).distinct().collect(Collectors.joining(","));
    }

    public static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(joined.split(","))));
    }

    public static Set<DataCategory> dataCategories(String joined) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        split(joined).forEach(code -> categories.add(DataCategory.valueOf(code)));
        return categories;
    }
}
