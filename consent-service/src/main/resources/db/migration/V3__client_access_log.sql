-- The client's access and disclosure log (DESIGN §8, issue 7): every service's sealed audit records, consumed from
-- the `audit` topic (one row per record id: a redelivered record changes nothing). Codes and ids only — no
-- henkilötunnus, no names, no free text. actor_sub (an account id) is kept for the organisation's own view
-- (GET /audit/records, unit lead); the client's view (GET /me/access-log) never shows it: a person is not named.
create table access_log_entry (
    id             uuid        primary key,   -- the audit record's id (its CloudEvent id)
    client_id      text        not null,      -- pseudonymous client id
    recorded_at    timestamptz not null,
    service        text        not null,      -- which service's chain holds the record
    position       bigint      not null,      -- its position in that chain
    actor_sub      text        not null,
    actor_org      text,                      -- organisation OID; null for the client themself
    actor_role     text        not null,
    action         text        not null,      -- AuditAction
    resource_type  text        not null,      -- AuditResource
    resource_id    text,
    purpose        text,                      -- Purpose
    legal_basis    text,                      -- LegalBasis
    statutory      boolean     not null,      -- a legal basis other than CONSENT (SHL 35 §, AsL 20 §, LSL 25 §)
    outcome        text        not null,      -- PERMITTED / REFUSED
    refusal_status integer,                   -- 403 / 404 when REFUSED
    correlation_id text        not null,
    received_at    timestamptz not null default now()
);
-- the client's log, newest first, paged by (recorded_at, id)
create index access_log_entry_client on access_log_entry (client_id, recorded_at desc, id desc);
-- an organisation's own acts on one client
create index access_log_entry_client_org on access_log_entry (client_id, actor_org, recorded_at desc, id desc);
