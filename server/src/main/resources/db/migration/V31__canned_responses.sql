-- care: a company's canned responses, texts with variables such as {{customer.name}} that a rep
-- fills in for one case; and who wrote each reply, so that a rep about to answer can be told a
-- colleague answered first.
create table canned_response (
  id         bigint generated always as identity primary key,
  company_id uuid not null,
  title      text not null,
  body       text not null,
  -- Optional tags: the language (ISO 639-1) and the intent the response is written for.
  language   text,
  intent     text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index canned_response_title on canned_response (company_id, lower(title));

-- The user or token id of the reply's author; null for replies stored before it was kept.
alter table case_reply add column author_id uuid;
