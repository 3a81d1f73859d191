-- source: where posts are read from, how far each has been read (its cursor), and its health.
create table source (
  id                    uuid primary key,
  name                  text not null unique,
  type                  text not null,
  url                   text,
  config                jsonb not null default '{}',
  poll_interval_seconds int not null,
  enabled               boolean not null default true,
  created_at            timestamptz not null,
  -- The cursor advances only after what it covers is stored.
  etag                  text,
  last_modified         text,
  cursor                text,
  next_poll_at          timestamptz not null,
  last_polled_at        timestamptz,
  last_success_at       timestamptz,
  last_error            text,
  last_error_at         timestamptz,
  consecutive_failures  int not null default 0,
  items_total           bigint not null default 0,
  quarantined_total     bigint not null default 0,
  last_lag_seconds      bigint
);
create index source_due on source (next_poll_at) where enabled;

-- Items a source delivered that could not be taken, with the reason; the rest of the delivery
-- was taken as usual.
create table source_quarantine (
  id             bigint generated always as identity primary key,
  source_id      uuid not null references source (id) on delete cascade,
  external_id    text,
  -- The external id, or a hash of the item when it has none: the same bad item read again at
  -- the next poll is not quarantined twice.
  fingerprint    text not null,
  reason         text not null,
  quarantined_at timestamptz not null
);
create index source_quarantine_newest on source_quarantine (source_id, id desc);
create unique index source_quarantine_once on source_quarantine (source_id, fingerprint);
