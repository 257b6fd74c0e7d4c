-- Issue 11: one topic per aggregate family. Rows recorded before the change but not yet published still name
-- the old per-type topic, where nobody listens any more: send them to their family's topic instead.
update outbox_event
   set topic = case
       when topic = 'need-identified'           then 'needs'
       when topic like 'consent-%'              then 'consents'
       when topic like 'referral-%'             then 'referrals'
       when topic like 'joint-assessment-%'     then 'joint-assessments'
       when topic like 'notification-%'         then 'notifications'
       when topic = 'organisation-changed'      then 'organisations'
       else topic end
 where published_at is null;
