-- Only a therapist sees clients: a session, a case, a held time or a subject access review goes to an active staff
-- member in the therapist role. A therapist made practice manager or clinical lead kept their clients before (and
-- could be given more), though neither role may read a case's answers; now the role change is refused while they
-- have any (as deactivation is, ADR 26) and the database refuses the rest. The turns taken are V182-V185's.
create or replace function appointment_bookable() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.therapist_id <> old.therapist_id then
        if not exists (select 1 from staff_account where id = new.therapist_id and active and role = 'THERAPIST') then
            raise exception 'the therapist of this session is no longer active'
                using errcode = 'check_violation', constraint = 'appointment_therapist_active';
        end if;
    end if;
    if tg_op = 'INSERT' or old.state <> 'BOOKED' or new.intake_id <> old.intake_id
       or new.partner_intake_id is distinct from old.partner_intake_id then
        perform pg_advisory_xact_lock_shared(1667330917, (id % 2147483648)::int)
           from unnest(array[new.intake_id, new.partner_intake_id]) id
          where id is not null
          order by id;
        if exists (select 1 from intake where id in (new.intake_id, new.partner_intake_id) and status = 'CLOSED') then
            raise exception 'a client of this session had their case closed while it was being booked'
                using errcode = 'serialization_failure', constraint = 'appointment_case_open';
        end if;
    end if;
    return new;
end $$;

create or replace function review_case_holder_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1752132708, new.assigned_therapist_id::int);
    if not exists (select 1 from staff_account where id = new.assigned_therapist_id and active
                                                    and role = 'THERAPIST') then
        raise exception 'the therapist this case is given to is no longer active'
            using errcode = 'check_violation', constraint = 'review_case_holder_active';
    end if;
    return new;
end $$;

create or replace function held_slot_therapist_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1952997751, new.therapist_id::int);
    if not exists (select 1 from staff_account where id = new.therapist_id and active and role = 'THERAPIST') then
        raise exception 'the therapist of this time is no longer active'
            using errcode = 'check_violation', constraint = 'held_slot_therapist_active';
    end if;
    return new;
end $$;

create or replace function subject_access_reviewer_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1752132708, new.reviewer_id::int);
    if not exists (select 1 from staff_account where id = new.reviewer_id and active and role = 'THERAPIST') then
        raise exception 'the reviewer of this request is no longer active'
            using errcode = 'check_violation', constraint = 'subject_access_reviewer_active';
    end if;
    return new;
end $$;
