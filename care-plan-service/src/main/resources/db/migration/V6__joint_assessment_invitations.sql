-- Issue 10 point 4: a joint assessment invites several organisations at once (decisions D39..3). Each
-- invited organisation answers on its own, so its state, participant and time move from the assessment to one row
-- per invitation. joint_assessment.invited_organisation stays: the first invited organisation (the one of an
-- assessment made before V6), which the event's old field invitedOrganisation still names.
create table joint_assessment_invitation (
    id              uuid primary key,
    assessment_id   uuid        not null references joint_assessment (id),
    position        int         not null,
    organisation    text        not null,
    status          text        not null,
    participant     text,
    scheduled_at    timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    overdue_at      timestamptz,
    constraint joint_assessment_invitation_once unique (assessment_id, organisation),
    constraint joint_assessment_invitation_position unique (assessment_id, position),
    constraint joint_assessment_invitation_status check (status in ('REQUESTED', 'ACKNOWLEDGED', 'OVERDUE', 'COMPLETED')),
    constraint joint_assessment_invitation_acknowledged_has_participant check (
        status not in ('ACKNOWLEDGED', 'COMPLETED') or (participant is not null and scheduled_at is not null))
);
create index joint_assessment_invitation_organisation on joint_assessment_invitation (organisation);
create index joint_assessment_invitation_awaiting on joint_assessment_invitation (assessment_id)
    where status = 'REQUESTED';

insert into joint_assessment_invitation (id, assessment_id, position, organisation, status, participant, scheduled_at,
        acknowledged_by, acknowledged_at, overdue_at)
select gen_random_uuid(), id, 0, invited_organisation, status, participant, scheduled_at, acknowledged_by,
       acknowledged_at, overdue_at
from joint_assessment;

-- the assessment's status is now derived from its invitations; the per-invitation columns live above only
alter table joint_assessment drop constraint joint_assessment_acknowledged_has_participant;
alter table joint_assessment drop column participant;
alter table joint_assessment drop column scheduled_at;
alter table joint_assessment drop column acknowledged_by;
alter table joint_assessment drop column acknowledged_at;
alter table joint_assessment drop column overdue_at;
