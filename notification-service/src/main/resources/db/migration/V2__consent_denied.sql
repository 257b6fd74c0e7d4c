-- consent-denied reaches the organisation that asked (closed loop): the denial reason and the decision.
alter table notification add column denial_reason text;
alter table notification add column decision_id uuid;
