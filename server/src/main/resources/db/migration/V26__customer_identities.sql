-- care: a customer is one person with many identities (a handle on each source). Identities are
-- linked when the customer confirms with a code posted from the other account, or when a rep
-- merges two customers; every merge is recorded so that it can be undone.
create table customer_identity (
  id          bigint generated always as identity primary key,
  company_id  uuid not null,
  customer_id bigint not null references customer (id),
  source      text not null,
  handle      text not null,
  name        text,
  url         text,
  created_at  timestamptz not null,
  unique (company_id, source, handle)
);
create index customer_identity_customer on customer_identity (customer_id);
create index customer_identity_name on customer_identity (company_id, lower(name));
create index customer_identity_url on customer_identity (company_id, url);
insert into customer_identity (company_id, customer_id, source, handle, name, created_at)
  select company_id, id, source, handle, name, created_at from customer;

-- The customer's first identity stays on the row for display; identities decide who is who.
alter table customer drop constraint customer_company_id_source_handle_key;
alter table customer add column merged_into bigint references customer (id);

create table customer_merge (
  id                bigint generated always as identity primary key,
  company_id        uuid not null,
  into_customer     bigint not null references customer (id),
  from_customer     bigint not null references customer (id),
  identity_ids      bigint[] not null,
  case_ids          bigint[] not null,
  -- The merged customer's open case, closed as a duplicate of the one that stays open.
  duplicate_case_id bigint references care_case (id),
  how               text not null check (how in ('rep', 'code')),
  actor             text not null,
  at                timestamptz not null,
  undone_at         timestamptz,
  undone_by         text
);
create index customer_merge_into on customer_merge (into_customer, id);

create table customer_link_code (
  code        text primary key,
  company_id  uuid not null,
  customer_id bigint not null references customer (id),
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
