-- source: a streaming source keeps one long-lived connection. The instance holding its lease runs
-- it and renews the lease while it does; a lease left by an instance that died expires, and
-- another instance takes the source over. Two instances never stream the same source for long.
alter table source add column stream_owner text;
alter table source add column stream_lease_until timestamptz;
