-- The audit viewer lists one person's actions newest first by id (its keyset); the actor's index was ordered by time,
-- so PostgreSQL walked the whole log by id and filtered the actor: 378-553 ms at 4.6 M lines, growing with the log.
-- "Did this person just do this to this case" (AuditLog.recordedRecently) is served by the case's index.
drop index audit_entry_actor_ix;
create index audit_entry_actor_ix on audit_entry (actor_id, id) where actor_id is not null;
