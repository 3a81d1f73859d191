-- The rel=me links found on the page an identity names as its own: a person's blog that links to
-- their Mastodon profile says both accounts are theirs.
alter table customer_identity add column rel_me_checked_at timestamptz;
create index customer_identity_rel_me_due on customer_identity (id)
  where url is not null and rel_me_checked_at is null;
create index customer_identity_url_norm on customer_identity (company_id, rtrim(lower(url), '/'));

create table customer_identity_rel_me (
  identity_id bigint not null references customer_identity (id) on delete cascade,
  company_id  uuid not null,
  url         text not null,
  primary key (identity_id, url)
);
create index customer_identity_rel_me_url on customer_identity_rel_me (company_id, url);
