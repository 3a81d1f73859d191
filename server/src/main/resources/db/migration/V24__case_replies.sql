-- care: replies to a case's customer, and the code that lets the customer follow their case on
-- its public page. A case waits on the customer after a reply, until they write again.
alter table care_case add column code text;
update care_case set code = translate(upper(substr(md5(random()::text || id::text), 1, 6)), '01', 'ZY');
alter table care_case alter column code set not null;
alter table care_case add column first_response_at timestamptz;

create table case_reply (
  id         bigint generated always as identity primary key,
  case_id    bigint not null references care_case (id),
  -- The mention answered in public; null for a private reply.
  mention_id bigint,
  visibility text not null check (visibility in ('public', 'private')),
  author     text not null,
  -- What the rep wrote, and what went out: the same with the case number and its page.
  text       text not null,
  sent_text  text not null,
  status     text not null check (status in ('sending', 'sent', 'failed')),
  remote_id  text,
  remote_url text,
  error      text,
  created_at timestamptz not null,
  sent_at    timestamptz
);
create index case_reply_case on case_reply (case_id, id);
