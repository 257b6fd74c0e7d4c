-- Dead letters that ops re-drove to their topic (platform ops REST, /ops/dead-letters): each letter once. A re-driven
-- event that fails again comes back as a new letter (new offset), which may be re-driven in its turn. No event data.
create table dead_letter_redrive (
    dead_letter_topic text        not null,
    dlq_partition     integer     not null,
    dlq_offset        bigint      not null,
    event_id          text,                  -- the CloudEvent id, when the letter had one
    redriven_to       text        not null,  -- the topic it was published to again
    redriven_by       text        not null,  -- the ops caller (token subject)
    redriven_at       timestamptz not null,
    primary key (dead_letter_topic, dlq_partition, dlq_offset)
);
