-- account: a token may be issued to a person of the company and then acts as them, so that a
-- rep's own tools see "my" cases; it stops working when the person leaves the company.
alter table api_token add column user_id uuid references app_user (id) on delete cascade;
