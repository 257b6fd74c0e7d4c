-- An organisation's webhook subscription (issue 13): a URL told of the event types that concern the organisation,
-- signed with a per-subscription secret (Standard Webhooks, whsec_ form). During a rotation the previous secret stays
-- valid until previous_secret_valid_until, then only the current one signs.
create table webhook_subscription (
    id                          uuid primary key,
    organisation                text        not null,
    url                         text        not null,
    event_types                 text        not null,  -- CloudEvents types, space separated
    secret                      text        not null,
    previous_secret             text,
    previous_secret_valid_until timestamptz,
    created_by                  text        not null,
    created_at                  timestamptz not null,
    version                     bigint      not null default 0
);
create index webhook_subscription_organisation on webhook_subscription (organisation);

-- One event for one subscription, written in the consuming inbox's transaction and sent by the scheduled sender.
-- seq orders one client's deliveries per subscription: only the earliest PENDING one of a (subscription, client) is
-- sent. The body holds ids and codes only (no henkilötunnus, no names, no free text).
create table webhook_delivery (
    id              uuid primary key,
    seq             bigserial   not null,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    organisation    text        not null,
    client_id       char(64)    not null,
    event_id        uuid        not null,
    event_type      text        not null,
    body            text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    due_since       timestamptz not null,  -- start of the dead-letter window (reset by a re-send)
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    attempted_at    timestamptz,
    delivered_at    timestamptz,
    failure         text,
    version         bigint      not null default 0,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_queue on webhook_delivery (subscription_id, client_id, seq) where status = 'PENDING';
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_status on webhook_delivery (status, created_at);
