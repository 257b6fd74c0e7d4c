-- Audit trail (DESIGN §8, issue 7): one record per read or write of client data and per consent decision,
-- written in the act's own transaction (platform AuditTrail) — codes and ids only, never a henkilötunnus, a
-- name or free text. The act only INSERTs; right after the commit the service's one sealer (platform
-- AuditSealer, advisory lock) gives the record its chain position and hash:
--   hash = SHA-256(canonical form of the record || prev_hash), genesis prev_hash = 32 zero bytes
-- (the canonical form is documented in AuditCanonicalForm). GET /audit/verify walks the chain in position order.
-- The table is also its own outbox: sealed records are published to the `audit` topic and marked published.
create table audit_record (
    id             uuid        primary key,
    seq            bigserial,              -- insertion order: the sealer seals in this order
    recorded_at    timestamptz not null,
    actor_sub      text        not null,   -- token subject
    actor_org      text,                   -- organisation OID; null for the client and for roles without one
    actor_role     text        not null,
    action         text        not null,   -- AuditAction
    resource_type  text        not null,   -- AuditResource
    resource_id    text,
    client_id      text        not null,   -- pseudonymous client id
    purpose        text,                   -- Purpose
    legal_basis    text,                   -- LegalBasis
    outcome        text        not null,   -- AuditOutcome
    refusal_status integer,                -- 403 / 404 when REFUSED
    correlation_id text        not null,
    position       bigint      unique,     -- chain position 1, 2, 3, …; null until sealed
    prev_hash      bytea,
    hash           bytea,
    published      boolean     not null default false
);
-- what the sealer reads next
create index audit_record_unsealed on audit_record (seq) where position is null;
-- what the sealer publishes next
create index audit_record_unpublished on audit_record (position) where position is not null and not published;
-- a client's records (professionals' and the client's views)
create index audit_record_client on audit_record (client_id, recorded_at);

-- Anchors of the chain (position and the hash there), decided by the sealer every
-- yhdyspinta.audit.anchor.every-records records or yhdyspinta.audit.anchor.interval, and published to the
-- `audit-anchors` topic. Verify compares the chain with the anchors READ FROM KAFKA, never with this table
-- (which a rewrite of the database could rewrite too); the table only remembers what is still to publish.
create table audit_anchor (
    position    bigint      primary key,
    hash        bytea       not null,
    anchored_at timestamptz not null,
    published   boolean     not null default false
);
