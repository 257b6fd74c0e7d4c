package fi.yhdyspinta.consent.rest;

import java.util.List;

/** A page of audit records, newest first; {@code next} is the cursor of the older ones (none: the end). */
public record AuditRecordsView(List<AuditRecordView> records, String next) {
}
