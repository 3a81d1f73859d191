-- A post that quotes a company's case number is its mention without any monitor matching it.
alter table mention alter column monitor_id drop not null;
