-- Transactional outbox: events written with the state change they announce, relayed to Kafka.
create table outbox_event (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (position) where published_at is null;

-- Idempotent inbox: one row per consumed event, inserted in the handler's transaction.
create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
