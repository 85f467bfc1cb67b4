-- A case is held by someone still with the practice. Deactivating a therapist is refused while they hold open cases,
-- but the count and an assignment in flight read each other's state at READ COMMITTED, so both could pass at once and
-- leave a case with someone who can no longer sign in, hidden from every other queue. Now every assignment shares the
-- therapist's caseload turn (advisory key space 'hold') from its write to its commit and then finds them active;
-- deactivation takes the turn alone before it counts (ADR 26). Existing rows are left as they are: a closed case of
-- a former colleague stays theirs in its history.
create function review_case_holder_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1752132708, new.assigned_therapist_id::int);
    if not exists (select 1 from staff_account where id = new.assigned_therapist_id and active) then
        raise exception 'the therapist this case is given to is no longer active'
            using errcode = 'check_violation', constraint = 'review_case_holder_active';
    end if;
    return new;
end $$;

create trigger review_case_holder_active_on_insert before insert on review_case
    for each row when (new.assigned_therapist_id is not null) execute function review_case_holder_active();

create trigger review_case_holder_active_on_change before update of assigned_therapist_id on review_case
    for each row when (new.assigned_therapist_id is not null
                       and new.assigned_therapist_id is distinct from old.assigned_therapist_id)
    execute function review_case_holder_active();
