package fi.yhdyspinta.referral.rest;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.yhdyspinta.platform.problem.ProblemException;

/** {@code If-Match} on a referral change: the ETag (version) read; absent = any version. */
final class IfMatch {

    private static final Pattern TAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private IfMatch() {
    }

    static OptionalLong version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher tag = TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the ETag read, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(tag.group(1)));
    }
}
