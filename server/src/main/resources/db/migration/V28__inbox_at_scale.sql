-- account: a token may be issued to a person of the company and then acts as them, so that a
-- rep's own tools see "my" cases; it stops working when the person leaves the company.
alter table api_token add column user_id uuid references app_user (id) on delete cascade;

-- care: the inbox lists a rep's cases and the cases in one status, newest first, a page at a time
-- (keyset on opened_at, id); without these a page reads every newer case of the company to find
-- the fifty it shows.
create index care_case_assignee_newest on care_case (company_id, assignee, opened_at desc, id desc);
create index care_case_status_newest on care_case (company_id, status, opened_at desc, id desc);
