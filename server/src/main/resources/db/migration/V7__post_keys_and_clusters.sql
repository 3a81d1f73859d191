-- listening: only posts that match a monitor are kept whole; every post received leaves just its
-- key, so a repeat is known as one. Copies of a post (reposts, quotes, campaigns) share a cluster,
-- and a company's mention counts the copies instead of repeating itself.
create table post_key (
  source      text not null,
  external_id text not null,
  received_at timestamptz not null,
  primary key (source, external_id)
);
create index post_key_received on post_key (received_at);
insert into post_key (source, external_id, received_at)
  select source, external_id, received_at from post;

alter table post add column cluster text;
update post set cluster = source || '/' || external_id;
alter table post alter column cluster set not null;
create index post_cluster on post (cluster);

alter table mention add column cluster text;
alter table mention add column copies int not null default 1;
update mention m set cluster = p.cluster from post p where p.id = m.post_id;
alter table mention alter column cluster set not null;
create unique index mention_one_per_cluster on mention (company_id, cluster);
