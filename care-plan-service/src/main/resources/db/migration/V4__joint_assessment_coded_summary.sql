-- Issue 10 point 4: a joint assessment is completed with a coded summary (codes only, never free text):
-- the needs it found (NeedCategory) and the next steps agreed (AgreedNextStep), comma-separated codes.
-- POST /plans with fromJointAssessment turns the needs into the plan's first goals.
alter table joint_assessment add column summary_needs text;
alter table joint_assessment add column next_steps text;
