-- care: teams of reps with their skills, availability and capacity; the ordered rules that route a
-- new case to a team; SLA policies with business hours; and the SLA clocks every case runs.
create table care_team (
  id         bigint generated always as identity primary key,
  company_id uuid not null,
  name       text not null,
  -- The rep a breached case escalates to: a member's user id.
  lead_id    uuid,
  created_at timestamptz not null
);
create unique index care_team_name on care_team (company_id, lower(name));

-- A company member who works cases. Empty languages or products mean no restriction.
create table care_rep (
  company_id uuid not null,
  user_id    uuid not null,
  name       text not null,
  languages  text[] not null default '{}',
  products   text[] not null default '{}',
  available  boolean not null default true,
  capacity   int not null check (capacity >= 0),
  updated_at timestamptz not null,
  primary key (company_id, user_id)
);

create table care_team_rep (
  team_id    bigint not null references care_team (id) on delete cascade,
  company_id uuid not null,
  user_id    uuid not null,
  primary key (team_id, user_id),
  foreign key (company_id, user_id) references care_rep (company_id, user_id) on delete cascade
);

create table care_routing (
  company_id      uuid primary key,
  default_team_id bigint references care_team (id)
);

-- First match wins, in position order. Every condition given must hold; null means any.
create table care_routing_rule (
  company_id      uuid not null,
  position        int not null,
  monitor         text,
  intent          text,
  language        text,
  sentiment_below real,
  sentiment_above real,
  urgency         text,
  product         text,
  customer        text,
  team_id         bigint not null references care_team (id),
  primary key (company_id, position)
);

-- Times are business minutes: only the business hours count, when they are given.
create table sla_policy (
  id                     bigint generated always as identity primary key,
  company_id             uuid not null,
  team_id                bigint references care_team (id) on delete cascade,
  first_response_minutes int check (first_response_minutes > 0),
  next_response_minutes  int check (next_response_minutes > 0),
  resolution_minutes     int check (resolution_minutes > 0),
  warn_percent           int not null check (warn_percent between 1 and 99),
  business_days          int[],
  business_start         time,
  business_end           time,
  time_zone              text,
  unique nulls not distinct (company_id, team_id)
);

-- The times a case waited on the customer: its SLA clocks stand still meanwhile.
create table case_wait (
  case_id    bigint not null references care_case (id),
  started_at timestamptz not null,
  ended_at   timestamptz,
  primary key (case_id, started_at)
);
create unique index case_wait_one_open on case_wait (case_id) where ended_at is null;

-- One run of a target: first response from opening, next response from the customer writing
-- again after a reply, resolution from opening. The SLA evaluator settles each run: breached when
-- its target passed, met when it stopped in time under the policy then in force.
create table case_sla_clock (
  id          bigint generated always as identity primary key,
  case_id     bigint not null references care_case (id),
  target      text not null check (target in ('first-response', 'next-response', 'resolution')),
  started_at  timestamptz not null,
  stopped_at  timestamptz,
  warned_at   timestamptz,
  breached_at timestamptz,
  met         boolean,
  unique (case_id, target, started_at)
);
create index case_sla_clock_unsettled on case_sla_clock (id)
  where breached_at is null and met is null;

alter table care_case add column escalated_to uuid;
create index care_case_assignee_open on care_case (company_id, assignee) where status <> 'resolved';
create unique index case_sla_clock_one_running on case_sla_clock (case_id, target)
  where stopped_at is null;
