-- care: the customers behind mentions, their cases with numbers a person can quote, which
-- mentions belong to which case, every change of a case, and internal notes.
create table customer (
  id         bigint generated always as identity primary key,
  company_id uuid not null,
  source     text not null,
  handle     text not null,
  name       text,
  created_at timestamptz not null,
  unique (company_id, source, handle)
);

-- "case" is a reserved word in SQL, hence care_case.
create table care_case (
  id          bigint generated always as identity primary key,
  company_id  uuid not null,
  number      text not null,
  customer_id bigint references customer (id),
  status      text not null check (status in ('open', 'waiting', 'resolved')),
  resolution  text check (resolution in ('solved', 'explained', 'duplicate', 'spam')),
  reason      text,
  intent      text,
  team        text,
  assignee    text,
  opened_at   timestamptz not null,
  updated_at  timestamptz not null,
  resolved_at timestamptz,
  unique (company_id, number),
  check ((status = 'resolved') = (resolution is not null)),
  check (resolution is distinct from 'explained' or reason is not null)
);
-- A customer has at most one case that is not resolved: concurrent deliveries of their posts
-- meet here, and the database, not timing, decides that only one opens a case.
create unique index care_case_one_open_per_customer on care_case (company_id, customer_id)
  where status <> 'resolved';
create index care_case_company_newest on care_case (company_id, opened_at desc, id desc);

-- A mention belongs to at most one case.
create table case_mention (
  mention_id  bigint primary key,
  case_id     bigint not null references care_case (id),
  attached_at timestamptz not null,
  how         text not null check (how in ('opened', 'follow-up', 'quoted'))
);
create index case_mention_case on case_mention (case_id, attached_at);

create table case_event (
  id      bigint generated always as identity primary key,
  case_id bigint not null references care_case (id),
  at      timestamptz not null,
  actor   text not null,
  kind    text not null,
  details text
);
create index case_event_case on case_event (case_id, id);

create table case_note (
  id         bigint generated always as identity primary key,
  case_id    bigint not null references care_case (id),
  author     text not null,
  text       text not null,
  created_at timestamptz not null
);
create index case_note_case on case_note (case_id, id);
