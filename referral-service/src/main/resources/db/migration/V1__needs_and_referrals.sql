create table need (
    id                  uuid primary key,
    client_id           char(64)    not null,
    client_hetu         varchar(11) not null,
    category            text        not null,
    source_organisation text        not null,
    source_sector       text        not null,
    target_sector       text        not null,
    target_organisation text        not null,
    urgency             text        not null,
    purpose             text        not null,
    data_categories     text        not null,
    identified_by       text        not null,
    identified_at       timestamptz not null,
    referral_id         uuid        not null
);

create table referral (
    id                    uuid primary key,
    need_id               uuid references need (id),
    client_id             char(64)    not null,
    client_hetu           varchar(11) not null,
    category              text        not null,
    urgency               text        not null,
    sender_organisation   text        not null,
    receiver_organisation text        not null,
    status                text        not null,
    consent_decision_id   uuid,
    consent_id            uuid,
    legal_basis           text,
    outcome               text,
    feedback              text,
    decline_reason        text,
    suggested_recipient   text,
    created_by            text        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0
);
create index referral_sender on referral (sender_organisation, status);
create index referral_receiver on referral (receiver_organisation, status);
create index referral_need on referral (need_id);
create index referral_consent on referral (consent_id) where consent_id is not null;
