-- listening: what each mention's post is (language is kept on the post), why, and what reps
-- corrected; the classifier models trained from the base set plus those corrections.
alter table mention add column urgency text[] not null default '{}';
alter table mention add column intent_confidence real;
alter table mention add column reasons jsonb;
alter table mention add column intent_corrected boolean not null default false;

create table intent_correction (
  id            bigint generated always as identity primary key,
  company_id    uuid not null,
  mention_id    bigint not null references mention (id),
  text          text not null,
  language      text,
  intent_before text,
  intent        text not null,
  corrected_by  text not null,
  corrected_at  timestamptz not null
);
create index intent_correction_company on intent_correction (company_id, corrected_at desc);

create table classifier_model (
  version         int primary key,
  digest          text not null,
  created_at      timestamptz not null,
  created_by      text not null,
  base_examples   int not null,
  corrections     int not null,
  active          boolean not null default false,
  model           bytea not null
);
create unique index classifier_model_one_active on classifier_model (active) where active;
