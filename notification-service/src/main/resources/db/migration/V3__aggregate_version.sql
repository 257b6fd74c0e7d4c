-- The newest version of each referral and joint assessment this service has heard of (the events'
-- aggregateVersion): an event not newer than it makes no inbox item — a late or re-driven referral-sent
-- never tells the receiver of a referral that has since moved on.
create table aggregate_version (
    aggregate    text   not null,  -- 'referral' or 'joint-assessment'
    aggregate_id uuid   not null,
    version      bigint not null,
    primary key (aggregate, aggregate_id)
);
