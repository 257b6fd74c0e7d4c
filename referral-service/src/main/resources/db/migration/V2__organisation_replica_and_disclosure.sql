-- The organisation registry as consent-service publishes it (organisation-changed): sectors come from
-- here, never from a request body. An older version arriving late never overwrites a newer one.
create table organisation (
    oid          varchar(64) primary key,
    sector       text        not null,
    municipality varchar(3)  not null,
    active       boolean     not null,
    version      bigint      not null,
    updated_at   timestamptz not null
);

-- What the consent decision permitted, and where the consent stands: the receiver sees a referral only
-- after a permit, then only the permitted data categories (ReferralDisclosure).
alter table referral add column permitted_data_categories text;
alter table referral add column consent_status text not null default 'AWAITING';
alter table referral add column consent_denial_reason text;

-- Referrals sent before this version rested on a decision over the need's data categories.
update referral r set permitted_data_categories = n.data_categories, consent_status = 'GRANTED'
  from need n where n.id = r.need_id and r.consent_decision_id is not null;
update referral set consent_status = 'REVOKED' where status = 'SUSPENDED';
