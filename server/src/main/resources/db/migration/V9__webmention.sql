-- source: Webmentions received, verified in the background (W3C Webmention: the source must
-- really link to the target before its content is taken).
create table webmention (
  id           uuid primary key,
  source_id    uuid not null references source (id) on delete cascade,
  source_url   text not null,
  target_url   text not null,
  status       text not null check (status in ('pending', 'accepted', 'rejected', 'failed')),
  detail       text,
  received_at  timestamptz not null,
  processed_at timestamptz
);
create index webmention_pending on webmention (received_at) where status = 'pending';
