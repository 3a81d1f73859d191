-- relay: a masked e-mail address per case, the outbox of mail to customers, and the mail that
-- came in. Relay knows cases by company and number only; care keeps the cases themselves.
create table relay_address (
  -- Lower case, whole: case-nb-7k3q9-<random>@<from-domain>. The random part makes it unguessable.
  address     text primary key,
  company_id  uuid not null,
  case_number text not null,
  -- The key of the page where the customer stops mail for this address.
  stop_token  text not null unique,
  created_at  timestamptz not null,
  stopped_at  timestamptz,
  unique (company_id, case_number)
);

-- Every mail is stored before it is sent: a crash between the two leaves a row the retry finds.
create table relay_outbox (
  id              bigint generated always as identity primary key,
  company_id      uuid not null,
  case_number     text not null,
  -- Who asked for it (care's reply), so that the outcome finds its way back.
  reference       text not null,
  sender          text not null references relay_address (address),
  sender_name     text not null,
  recipient       text not null,
  subject         text not null,
  body            text not null,
  message_id      text not null unique,
  status          text not null check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts        int not null default 0,
  -- When a queued mail is due; for one being sent, when its sender is presumed dead.
  next_attempt_at timestamptz not null,
  last_error      text,
  created_at      timestamptz not null,
  sent_at         timestamptz
);
create index relay_outbox_due on relay_outbox (next_attempt_at) where status in ('queued', 'sending');

-- Mail received for a company, once per Message-ID.
create table relay_inbound (
  id          bigint generated always as identity primary key,
  company_id  uuid not null,
  message_id  text not null,
  recipient   text not null,
  sender      text,
  case_number text,
  received_at timestamptz not null,
  unique (company_id, message_id)
);

-- care: what a customer wrote back by e-mail, on their case, once per Message-ID.
create table case_message (
  id          bigint generated always as identity primary key,
  case_id     bigint not null references care_case (id),
  channel     text not null,
  sender      text,
  subject     text,
  text        text not null,
  message_id  text not null,
  received_at timestamptz not null,
  unique (case_id, message_id)
);
create index case_message_case on case_message (case_id, id);
