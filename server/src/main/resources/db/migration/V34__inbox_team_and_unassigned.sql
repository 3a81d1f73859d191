-- The inbox's team and unassigned views, newest first, a page at a time: without these a page of
-- a team reads every newer case of the company to find the fifty it shows.
create index care_case_team_newest on care_case (company_id, lower(team), opened_at desc, id desc);
create index care_case_unassigned_newest on care_case (company_id, opened_at desc, id desc)
  where assignee is null;
