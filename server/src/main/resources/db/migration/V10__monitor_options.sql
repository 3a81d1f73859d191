-- listening: false-hit guards per monitor: ignore the brand inside e-mail addresses and web
-- addresses, and a list of exclusions that keep a post out whatever else it says.
alter table monitor add column ignore_addresses boolean not null default false;
alter table monitor add column exclusions text[] not null default '{}';
