-- The ops inbox (issue 8): alerts for role ops, which belongs to no organisation and sees no client data. First
-- kind: an archive document version the regional archive did not acknowledge in time (archive-overdue, any
-- service). Ids and codes only: no client id, no henkilötunnus. One item per source event, and one per version of a
-- service's document (an alert raised again about it adds nothing).
create table ops_item (
    id                  uuid        primary key,
    type                text        not null,
    source_service      text        not null,   -- the CloudEvents source of the alert, e.g. /yhdyspinta/referral-service
    source_event_id     uuid        not null unique,
    source_event_type   text        not null,
    document_id         uuid,
    document_version    integer,
    document_kind       text,
    register            text,
    author_organisation text,
    document_created_at timestamptz,
    ack_deadline        timestamptz,
    correlation_id      text,
    created_at          timestamptz not null,
    acknowledged_at     timestamptz,
    acknowledged_by     text,
    version             bigint      not null default 0
);
create index ops_item_newest on ops_item (created_at desc);
create unique index ops_item_one_per_document_version on ops_item (source_service, document_id, document_version);
