-- The referral's version (referral-service's @Version) as its newest event announced it: an event whose
-- aggregateVersion is not newer than the one held changes nothing (a late or re-driven event). Null for a
-- row (or event) from before versions travelled: then the event time decides, as before.
alter table client_referral add column aggregate_version bigint;
