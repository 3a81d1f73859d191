-- source: sources that push to Caveat instead of being polled (signed webhooks, Webmention,
-- WebSub deliveries) have no poll schedule; a webhook keeps the secret its senders sign with.
alter table source add column pulled boolean not null default true;
alter table source add column secret text;
drop index source_due;
create index source_due on source (next_poll_at) where enabled and pulled;
