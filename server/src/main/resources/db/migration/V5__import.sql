-- source: bulk JSONL imports. The upload is kept in the data directory; offset_bytes is how far
-- it has been stored, so an import interrupted by a crash resumes there.
create table import_job (
  id           uuid primary key,
  status       text not null check (status in ('queued', 'running', 'done', 'failed')),
  file_name    text not null,
  total_bytes  bigint not null,
  offset_bytes bigint not null default 0,
  lines        bigint not null default 0,
  accepted     bigint not null default 0,
  duplicates   bigint not null default 0,
  rejected     bigint not null default 0,
  error        text,
  created_at   timestamptz not null,
  started_at   timestamptz,
  finished_at  timestamptz
);
create index import_job_pending on import_job (created_at) where status in ('queued', 'running');

-- The first rejections of each import, with the line they were on.
create table import_rejection (
  import_id uuid not null references import_job (id) on delete cascade,
  line      bigint not null,
  reason    text not null,
  primary key (import_id, line)
);
