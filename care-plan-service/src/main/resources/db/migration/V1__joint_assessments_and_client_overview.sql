-- Joint service-need assessments (yhteinen palvelutarpeen arviointi, THL 32.2 §, SHL 41 §).
-- The client is stored as the pseudonymous client id only; the participant is free text and never
-- leaves this database except to the two organisations involved.
create table joint_assessment (
    id                      uuid primary key,
    client_id               char(64)    not null,
    requesting_organisation text        not null,
    invited_organisation    text        not null,
    status                  text        not null,
    deadline                timestamptz not null,
    participant             text,
    scheduled_at            timestamptz,
    requested_by            text        not null,
    requested_at            timestamptz not null,
    acknowledged_by         text,
    acknowledged_at         timestamptz,
    overdue_at              timestamptz,
    completed_by            text,
    completed_at            timestamptz,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0,
    constraint joint_assessment_status check (status in ('REQUESTED', 'ACKNOWLEDGED', 'OVERDUE', 'COMPLETED')),
    constraint joint_assessment_two_organisations check (requesting_organisation <> invited_organisation),
    constraint joint_assessment_acknowledged_has_participant check (
        status not in ('ACKNOWLEDGED', 'COMPLETED') or (participant is not null and scheduled_at is not null))
);
create index joint_assessment_awaiting on joint_assessment (deadline) where status = 'REQUESTED';
create index joint_assessment_client on joint_assessment (client_id);

-- The client overview's view of referrals, built from referral-* events (a projection: referral-service owns them).
create table client_referral (
    referral_id           uuid primary key,
    client_id             char(64)    not null,
    sender_organisation   text        not null,
    receiver_organisation text        not null,
    category              text        not null,
    status                text        not null,
    updated_at            timestamptz not null,
    last_event_id         uuid        not null
);
create index client_referral_client on client_referral (client_id);
