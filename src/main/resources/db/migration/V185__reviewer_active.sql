-- A subject access review waits on someone still with the practice: the client's one-month deadline runs while it
-- does. Deactivation is refused while a therapist has reviews to do (as for cases, V183), and a review given to them
-- shares their caseload turn from the write to its commit, then finds them active; deactivation takes the turn alone
-- before it counts (ADR 26).
create function subject_access_reviewer_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1752132708, new.reviewer_id::int);
    if not exists (select 1 from staff_account where id = new.reviewer_id and active) then
        raise exception 'the reviewer of this request is no longer active'
            using errcode = 'check_violation', constraint = 'subject_access_reviewer_active';
    end if;
    return new;
end $$;

create trigger subject_access_reviewer_active_on_insert before insert on subject_access_request
    for each row when (new.status = 'AWAITING_REVIEW') execute function subject_access_reviewer_active();

create trigger subject_access_reviewer_active_on_change before update of reviewer_id on subject_access_request
    for each row when (new.status = 'AWAITING_REVIEW' and new.reviewer_id <> old.reviewer_id)
    execute function subject_access_reviewer_active();
