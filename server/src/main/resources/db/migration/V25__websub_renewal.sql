-- source: a renewed WebSub subscription keeps taking deliveries signed with the secret the hub
-- knows until the hub confirms the new one, and for a lease after, for deliveries still on the way.
alter table websub_subscription add column pending_secret text;
alter table websub_subscription add column previous_secret text;
