-- source: WebSub subscriptions of feeds that name a hub. Deliveries are signed with the secret we
-- gave the hub; a lease is renewed before it runs out.
create table websub_subscription (
  id            uuid primary key,
  source_id     uuid not null references source (id) on delete cascade,
  hub           text not null,
  topic         text not null,
  secret        text not null,
  state         text not null check (state in ('requested', 'active', 'denied', 'failed')),
  lease_seconds int,
  requested_at  timestamptz not null,
  verified_at   timestamptz,
  expires_at    timestamptz,
  last_delivery_at timestamptz,
  last_error    text,
  unique (source_id, hub, topic)
);
