-- Archive documents (Kanta-style, DESIGN §9, issue 8): each finished document (a consent and its revocation, a
-- completed referral with feedback) as a FHIR R4 document Bundle, offered to the regional archive. A correction is
-- the same document id with version + 1; it replaces the previous version in the feed. The bundle holds the
-- client's henkilötunnus (urn:oid:1.2.246.21): it leaves only to role archive over REST, never on Kafka.
create table archive_document (
    cursor_position    bigserial   primary key, -- the feed's stable order: GET /archive/documents?after=
    document_id        uuid        not null,
    version            integer     not null check (version >= 1),
    replaces_version   integer,                 -- the version a correction replaces; null for a first version
    kind               text        not null,    -- ArchiveDocumentKind
    register           text        not null check (register in ('SOCIAL', 'HEALTH')),
    service_event_id   uuid        not null,    -- palvelutapahtuma
    author_organisation text       not null,    -- OID under 1.2.246.10
    client_id          text        not null,    -- pseudonymous client id
    confidentiality    text        not null,    -- FHIR v3 Confidentiality code (N, R, V)
    retention_class    text        not null,    -- ArchiveRetention
    bundle             text        not null,    -- FHIR R4 JSON, Bundle.type document
    created_at         timestamptz not null,
    acknowledged_at    timestamptz,
    archive_id         text,                    -- the archive's own id of the archived version
    overdue_at         timestamptz,             -- archive-overdue raised (once per version)
    unique (document_id, version)
);
-- what the overdue check and the backlog gauges read
create index archive_document_unacknowledged on archive_document (created_at) where acknowledged_at is null;
create index archive_document_register on archive_document (register, cursor_position);
