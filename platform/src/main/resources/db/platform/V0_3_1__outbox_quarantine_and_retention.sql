-- Outbox rows the broker refuses for good (record too large, invalid topic, not authorised, not serialisable) are
-- quarantined with the reason instead of failing every round; ops lists, re-drives or drops them.
-- (Numbered 0.3.1 so that it cannot collide with another platform migration numbered 0.3 written at the same time.)
alter table outbox_event
    add column event_type        text,         -- the CloudEvent type, for ops listings (null for rows from before)
    add column quarantined_at    timestamptz,
    add column quarantine_reason text;          -- the broker's refusal: exception class and message, never the payload

-- Pending = neither published nor quarantined, read in position order by the relay
drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (position) where published_at is null and quarantined_at is null;
create index outbox_event_quarantined on outbox_event (position) where quarantined_at is not null;

-- Retention purges published rows and processed-event ids older than yhdyspinta.retention.period, in batches
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
