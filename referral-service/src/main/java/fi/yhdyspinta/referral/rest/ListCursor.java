package fi.yhdyspinta.referral.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.repository.ReferralListQuery.Position;
import fi.yhdyspinta.referral.repository.ReferralSort;

/**
 * The opaque {@code cursor} of a referral list: where the previous page ended (its sort, the last item's sort key
 * and id), base64url. Only valid with the sort it was made for.
 */
final class ListCursor {

    private ListCursor() {
    }

    static String after(Referral last, ReferralSort sort) {
        String plain = sort.code() + "~" + sort.keyOf(last) + "~" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Position parse(String cursor, ReferralSort sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~");
            if (parts.length != 3 || !parts[0].equals(sort.code())) {
                throw ProblemException.invalidField("cursor", "is not a cursor of this list and sort");
            }
            return new Position(OffsetDateTime.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw ProblemException.invalidField("cursor", "is not a cursor of this list and sort");
        }
    }
}
