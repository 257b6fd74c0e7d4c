-- Audit trail (issue 7): a referral carries the purpose of its disclosure (Purpose code), as its audit records do.
-- Set from its need at creation and from the permit's purpose (consent-granted); legal_basis (V1) already carries
-- the basis of the consent decision (CONSENT or the statutory basis).
alter table referral add column purpose text;
update referral r set purpose = n.purpose from need n where n.id = r.need_id;
