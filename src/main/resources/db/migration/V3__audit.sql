-- Who read or changed what, and when: evidence for the practice and for clients' access requests.
-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for every database user.
create table audit_entry (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz  not null,
    actor_id        bigint references staff_account (id),
    actor_name      varchar(120) not null,
    action          varchar(40)  not null,
    intake_id       bigint,
    case_reference  varchar(12),
    detail          varchar(500)
);

create index audit_entry_time_ix on audit_entry (occurred_at desc, id desc);
create index audit_entry_intake_ix on audit_entry (intake_id, occurred_at) where intake_id is not null;
create index audit_entry_actor_ix on audit_entry (actor_id, occurred_at desc) where actor_id is not null;

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
