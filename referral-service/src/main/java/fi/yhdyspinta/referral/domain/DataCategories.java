package fi.yhdyspinta.referral.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import fi.yhdyspinta.events.code.DataCategory;

/** Data category sets as the tables keep them: comma-separated codes. */
public final class DataCategories {

    private DataCategories() {
    }

    public static Set<DataCategory> parse(String codes) {
        Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
        if (codes == null || codes.isBlank()) {
            return result;
        }
        for (String code : codes.split(",")) {
            result.add(DataCategory.valueOf(code.trim()));
        }
        return result;
    }

    public static String format(Collection<DataCategory> categories) {
        return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
