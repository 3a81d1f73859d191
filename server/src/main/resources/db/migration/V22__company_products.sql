-- listening: the products a company lists, so its mentions say which of them a post names.
create table company_product (
  company_id uuid not null,
  position   int not null,
  name       text not null,
  aliases    text[] not null default '{}',
  primary key (company_id, position),
  unique (company_id, name)
);

alter table mention add column products text[] not null default '{}';
