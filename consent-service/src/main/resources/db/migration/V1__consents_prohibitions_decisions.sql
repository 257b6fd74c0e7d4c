-- Consents (suostumus) and refusals: pseudonymous client id only, never the henkilötunnus.
create table consent (
    id                       uuid primary key,
    client_id                varchar(64) not null,
    purpose                  text        not null,
    recipients               text        not null,
    data_categories          text        not null,
    valid_until              date        not null,
    form                     text        not null,
    status                   text        not null,
    recorded_by              text        not null,
    recorded_by_organisation text        not null,
    recorded_at              timestamptz not null,
    revoked_at               timestamptz,
    revoked_by               text,
    version                  bigint      not null default 0
);
create index consent_client on consent (client_id);

-- Prohibitions of disclosure (luovutuskielto, PotL 13 §)
create table prohibition (
    id                       uuid primary key,
    client_id                varchar(64) not null,
    register                 text        not null,
    recipient_organisation   text,
    status                   text        not null,
    recorded_by              text        not null,
    recorded_by_organisation text,
    recorded_at              timestamptz not null,
    revoked_at               timestamptz,
    revoked_by               text,
    version                  bigint      not null default 0
);
create index prohibition_client on prohibition (client_id);

-- The disclosure log: every consent decision, insert only. The client's access log reads it.
create table consent_decision (
    id                      uuid primary key,
    client_id               varchar(64) not null,
    need_id                 uuid,
    requesting_organisation text        not null,
    requested_by            text        not null,
    recipient_organisation  text        not null,
    purpose                 text        not null,
    data_categories         text        not null,
    outcome                 text        not null,
    basis                   text,
    reason                  text,
    consent_id              uuid,
    justification           text,
    decided_at              timestamptz not null
);
create index consent_decision_client on consent_decision (client_id, decided_at);
create index consent_decision_need on consent_decision (need_id) where need_id is not null;

-- Needs that asked for a decision (need-identified); PENDING ones wait for the client's answer.
create table pending_need (
    need_id             uuid primary key,
    client_id           varchar(64) not null,
    source_organisation text        not null,
    source_sector       text        not null,
    target_organisation text        not null,
    target_sector       text        not null,
    purpose             text        not null,
    data_categories     text        not null,
    status              text        not null,
    decision_id         uuid,
    received_at         timestamptz not null,
    settled_at          timestamptz,
    version             bigint      not null default 0
);
create index pending_need_client on pending_need (client_id, status);
