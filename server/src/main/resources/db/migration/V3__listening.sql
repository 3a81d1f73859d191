-- listening: every post received (idempotent on source + external id), standing queries, and the
-- mentions a company's monitors found.
create table post (
  id           bigint generated always as identity primary key,
  source       text not null,
  external_id  text not null,
  url          text,
  author_handle text,
  author_name  text,
  author_url   text,
  title        text,
  text         text not null,
  html         text,
  published    timestamptz,
  in_reply_to  text,
  language     text,
  received_at  timestamptz not null,
  unique (source, external_id)
);

create table monitor (
  id         uuid primary key,
  company_id uuid not null,
  name       text not null,
  query      text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (company_id, name)
);

create table mention (
  id           bigint generated always as identity primary key,
  company_id   uuid not null,
  post_id      bigint not null references post (id),
  monitor_id   uuid not null,
  monitor_name text not null,
  posted_at    timestamptz not null,
  found_at     timestamptz not null,
  intent       text,
  sentiment    real,
  case_number  text,
  unique (company_id, post_id)
);
create index mention_company_newest on mention (company_id, posted_at desc, id desc);
