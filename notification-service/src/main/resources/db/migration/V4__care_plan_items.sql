-- Inbox items about joint client plans (care-plans topic): the plan they concern and, for a coordination hint, its
-- code. Ids and codes only.
alter table notification add column plan_id uuid;
alter table notification add column hint text;
