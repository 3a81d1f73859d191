-- account: companies, people, their roles, and API tokens.
create table company (
  id         uuid primary key,
  slug       text not null unique,
  name       text not null,
  created_at timestamptz not null
);

create table app_user (
  id            uuid primary key,
  email         text not null,
  name          text not null,
  password_hash text not null,
  operator      boolean not null default false,
  created_at    timestamptz not null
);
create unique index app_user_email_unique on app_user (lower(email));

create table membership (
  user_id    uuid not null references app_user (id) on delete cascade,
  company_id uuid not null references company (id) on delete cascade,
  role       text not null check (role in ('admin', 'rep')),
  created_at timestamptz not null,
  primary key (user_id, company_id)
);
create index membership_company on membership (company_id);

-- Only a SHA-256 of each token is kept; the token itself is shown once, when it is made.
create table api_token (
  id         uuid primary key,
  token_hash bytea not null unique,
  company_id uuid references company (id) on delete cascade,
  role       text not null check (role in ('operator', 'admin', 'rep')),
  label      text,
  created_at timestamptz not null,
  revoked_at timestamptz,
  check ((role = 'operator') = (company_id is null))
);
