-- Joint client plans (asiakassuunnitelma, SHL 39 §, 46 §) with exactly one responsible worker (vastuutyöntekijä,
-- SHL 42 §). The client is the pseudonymous client id only. Goals, actions and the client's plain-language text
-- stay in this database (plan versions) and are shown only to the participating organisations and the client.
create table care_plan (
    id                       uuid        primary key,
    client_id                char(64)    not null,
    created_by_organisation  text        not null,
    -- the one responsible worker: a single column per plan, so there can never be two; never none either,
    -- except on a plan imported from a legacy system (imported = true), which the hints then flag
    responsible_worker       text,
    responsible_organisation text,
    imported                 boolean     not null default false,
    plan_version             integer     not null,
    review_date              date,
    joint_assessment_id      uuid,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  bigint      not null default 0,
    constraint care_plan_one_responsible_worker check (
        (responsible_worker is null) = (responsible_organisation is null)
        and (responsible_worker is not null or imported))
);
create index care_plan_client on care_plan (client_id);
create index care_plan_review on care_plan (review_date);

-- Every approved version of a plan's content, never changed afterwards.
create table care_plan_version (
    plan_id       uuid        not null references care_plan (id),
    plan_version  integer     not null,
    content       text        not null,  -- JSON: goals, actions, the client's plain-language summary
    created_by    text        not null,
    created_by_organisation text not null,
    created_at    timestamptz not null,
    primary key (plan_id, plan_version)
);

-- The organisations taking part. ACTIVE: sees the plan; REVOKED: the consent that let it in was revoked (ids only);
-- REMOVED: taken off the plan by an edit (ids only). consent_id is the consent the decision rested on (null for the
-- organisation that holds the plan's data itself, and for a statutory basis).
create table care_plan_participant (
    plan_id       uuid        not null references care_plan (id),
    organisation  text        not null,
    status        text        not null,
    consent_id    uuid,
    decision_id   uuid,
    added_at      timestamptz not null,
    changed_at    timestamptz not null,
    primary key (plan_id, organisation),
    constraint care_plan_participant_status check (status in ('ACTIVE', 'REVOKED', 'REMOVED'))
);
create index care_plan_participant_consent on care_plan_participant (consent_id) where consent_id is not null;
create index care_plan_participant_organisation on care_plan_participant (organisation);

-- Hand-overs of the responsible worker: from, to, when, why. One per plan version, so two hand-overs can never
-- both apply to the same state of the plan.
create table responsible_worker_change (
    id                uuid        primary key,
    plan_id           uuid        not null references care_plan (id),
    plan_version      bigint      not null,
    from_worker       text,
    from_organisation text,
    to_worker         text        not null,
    to_organisation   text        not null,
    reason            text        not null,
    changed_by        text        not null,
    changed_at        timestamptz not null,
    constraint responsible_worker_change_once_per_version unique (plan_id, plan_version)
);

-- Consents revoked (consent-revoked): a plan share resting on one is revoked whatever the arrival order.
create table revoked_consent (
    consent_id uuid        primary key,
    revoked_at timestamptz not null
);

-- Coordination hints raised to inboxes: once per client, hint and plan (the nil uuid for a client-wide hint).
create table raised_hint (
    client_id char(64)    not null,
    hint      text        not null,
    plan_id   uuid        not null,
    raised_at timestamptz not null,
    primary key (client_id, hint, plan_id)
);

-- The organisation registry's sectors (consent-service owns the registry; organisation-changed keeps this replica):
-- a hint counts the sectors of a client's services.
create table organisation (
    oid        text        primary key,
    sector     text        not null,
    active     boolean     not null,
    version    bigint      not null,
    updated_at timestamptz not null
);
