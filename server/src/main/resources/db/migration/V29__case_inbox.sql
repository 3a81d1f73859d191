-- care: what the reps' case inbox sorts and filters by. A running SLA clock keeps the instant it
-- falls due (null while the case waits on the customer, or without a target), and a case keeps the
-- language of the post that opened it.
alter table case_sla_clock add column due_at timestamptz;
alter table care_case add column language text;
