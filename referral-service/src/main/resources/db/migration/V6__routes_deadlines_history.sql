-- Issue 9 (referrals that never bounce). Numbered V6: V5 (referral purpose, audit trail) is taken on main.
-- Deadlines by urgency: set when a referral is SENT; overdue once (referral-overdue), then EXPIRED after the grace.
alter table referral add column due_at timestamptz;
alter table referral add column overdue_at timestamptz;
-- Forwarding (siirto): the original links to the new referral, the new one to the original; the reason is a code.
alter table referral add column forwarded_from uuid references referral (id);
alter table referral add column forwarded_to uuid references referral (id);
alter table referral add column forward_reason text;
-- Unanswered referrals by deadline, for the deadline watch.
create index referral_unanswered_due on referral (due_at) where status in ('SENT', 'RECEIVED');
-- Keyset paging of lists: newest first by (created_at, id).
create index referral_sender_created on referral (sender_organisation, created_at, id);
create index referral_receiver_created on referral (receiver_organisation, created_at, id)
    where permitted_data_categories is not null;

-- Every transition of a referral, written by the one move method (and by the referral's creation): who
-- (organisation and role, or SYSTEM for consent decisions and deadlines), when, and why (a reason code).
create table referral_transition (
    id                 bigserial   primary key,
    referral_id        uuid        not null references referral (id),
    from_status        text,
    to_status          text        not null,
    occurred_at        timestamptz not null,
    actor_organisation text,
    actor_role         text        not null,
    reason_code        text
);
create index referral_transition_referral on referral_transition (referral_id, id);

-- Social prescribing (hyvinvointilähete, D27): a referral with purpose SOCIAL_PRESCRIBING to an NGO activity of
-- the service directory; its own states at the NGO (PRESCRIBED, STARTED, ATTENDED, DID_NOT_ATTEND, DECLINED).
create table social_prescription (
    referral_id uuid        primary key references referral (id),
    service_id  uuid        not null references service_offering (id),
    status      text        not null,
    started_at  timestamptz,
    ended_at    timestamptz
);
create index social_prescription_service on social_prescription (service_id);
