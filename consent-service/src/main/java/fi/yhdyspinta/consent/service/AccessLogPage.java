package fi.yhdyspinta.consent.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.AccessLogCursor;
import fi.yhdyspinta.consent.domain.AccessLogRecord;
import fi.yhdyspinta.consent.domain.ConsentDecision;

/**
 * One page of an access log, newest first, with what it needs to be shown: the registry's names of the
 * organisations it names, the consent decisions its DECIDE entries stand for (whom the data was to be given), and
 * the cursor of the next page when there may be one.
 */
public record AccessLogPage(List<AccessLogRecord> entries, Map<String, String> organisationNames,
        Map<UUID, ConsentDecision> decisions, Optional<AccessLogCursor> next) {

    public String nameOf(String oid) {
        return oid == null ? null : organisationNames.get(oid);
    }
}
