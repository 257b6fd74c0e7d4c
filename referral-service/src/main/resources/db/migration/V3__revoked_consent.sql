-- Consents whose revocation this service has seen (consent-revoked). A revocation is final (a revoked
-- consent never becomes active again), so it is the newest state there is: a permit resting on a revoked
-- consent never sends a referral, even when it is handled after the revocation (a re-driven dead letter).
create table revoked_consent (
    consent_id uuid        primary key,
    revoked_at timestamptz not null
);
