package fi.yhdyspinta.consent.rest;

import java.util.List;

/** A page of the client's access log, newest first; {@code next} is the cursor of the older entries (none: the end). */
public record AccessLogView(List<AccessLogEntry> entries, String next) {
}
