-- A professional inbox item (ilmoitus) for one organisation, made from one domain event.
-- Ids, codes and states only: no henkilötunnus, no names, no free text.
create table notification (
    id                       uuid primary key,
    organisation             text        not null,
    type                     text        not null,
    client_id                char(64)    not null,
    referral_id              uuid,
    need_id                  uuid,
    assessment_id            uuid,
    counterpart_organisation text,
    referral_status          text,
    reason_code              text,
    suggested_recipient      text,
    outcome                  text,
    purpose                  text,
    assessment_status        text,
    deadline                 timestamptz,
    source_event_id          uuid        not null,
    source_event_type        text        not null,
    correlation_id           text,
    created_at               timestamptz not null,
    acknowledged_at          timestamptz,
    acknowledged_by          text,
    version                  bigint      not null default 0,
    -- one item per source event and recipient organisation, whatever the inbox lets through
    constraint notification_once_per_event unique (source_event_id, organisation)
);
create index notification_inbox on notification (organisation, created_at desc);

-- Where an organisation wants to be told besides its inbox (kanavat).
create table channel_preference (
    organisation  text primary key,
    email         text,
    email_enabled boolean     not null,
    updated_by    text        not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);

-- One delivery of a notification on one channel: INBOX at once, EMAIL by the scheduled sender.
create table delivery_attempt (
    id              uuid primary key,
    notification_id uuid        not null references notification (id),
    channel         text        not null,
    address         text,
    status          text        not null,
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    attempted_at    timestamptz,
    failure         text,
    version         bigint      not null default 0,
    constraint delivery_once_per_channel unique (notification_id, channel)
);
create index delivery_attempt_due on delivery_attempt (next_attempt_at) where status = 'PENDING';
