-- The audit viewer's "by case reference" read the whole log (no index on the reference; 708 ms at 1 M lines).
-- Made on the partitioned table, so every month (and DEFAULT, and each month ensure_month_partitions makes later)
-- gets its own; (case_reference, id) serves "where case_reference = ? [and occurred_at in range] order by id desc".
-- Sign-ins and other lines about no case are left out. The viewer upper-cases what it is given, as references are
-- stored, so the plain column serves it (ADR 20).
create index audit_entry_case_reference_ix on audit_entry (case_reference, id) where case_reference is not null;
