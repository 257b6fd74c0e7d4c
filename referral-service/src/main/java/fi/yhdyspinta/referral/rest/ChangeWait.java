package fi.yhdyspinta.referral.rest;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader asked with {@code If-None-Match} (the versions it already has) and {@code Prefer: wait=N}
 * (RFC 7240: how many seconds it is willing to wait for a newer one). The ETag of a referral is its version.
 * Unknown preferences and malformed values are ignored, as RFC 7240 says; a wait is capped at {@code max}.
 */
record ChangeWait(Set<Long> knownVersions, boolean anyVersion, Duration patience) {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?");
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,19})\"");

    static ChangeWait of(String ifNoneMatch, String prefer, Duration max) {
        Set<Long> known = new HashSet<>();
        boolean any = false;
        if (ifNoneMatch != null) {
            any = ifNoneMatch.trim().equals("*");
            Matcher tags = TAG.matcher(ifNoneMatch);
            while (tags.find()) {
                try {
                    known.add(Long.parseLong(tags.group(1)));
                } catch (NumberFormatException tooLong) {
                    // not one of ours
                }
            }
        }
        Duration wait = Duration.ZERO;
        if (prefer != null) {
            Matcher asked = WAIT.matcher(prefer.toLowerCase(Locale.ROOT));
            if (asked.find()) {
                Duration seconds = Duration.ofSeconds(Long.parseLong(asked.group(1)));
                wait = seconds.compareTo(max) > 0 ? max : seconds;
            }
        }
        return new ChangeWait(Set.copyOf(known), any, wait);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The reader already has this version: answer 304 (after waiting, if it asked to wait). */
    boolean has(long version) {
        return anyVersion || knownVersions.contains(version);
    }

    /** Whether to wait for a change: only with a known version and a positive wait. */
    boolean waits() {
        return (anyVersion || !knownVersions.isEmpty()) && !patience.isZero();
    }
}
