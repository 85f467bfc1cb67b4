-- A save from a Practice details page opened before someone else saved is refused instead of undoing their change:
-- the page carries the version it was loaded with and the update only applies while it still matches.
alter table practice_details add column version bigint not null default 0;
