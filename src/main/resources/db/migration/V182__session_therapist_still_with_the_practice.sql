-- A booked session's therapist is someone still with the practice. Deactivating a therapist is refused while they
-- have sessions to come, and it takes their diary's turn first (as every booking does with its insert), so a booking
-- in flight is counted and one that waited finds them deactivated here (ADR 25). One trigger function now makes
-- both checks of a booking: the therapist, and the clients' cases (V179).
create function appointment_bookable() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.therapist_id <> old.therapist_id then
        if not exists (select 1 from staff_account where id = new.therapist_id and active) then
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

drop trigger appointment_case_open_on_insert on appointment;
drop trigger appointment_case_open_on_change on appointment;
drop function appointment_case_open();

create trigger appointment_bookable_on_insert before insert on appointment
    for each row when (new.state = 'BOOKED') execute function appointment_bookable();

create trigger appointment_bookable_on_change
    before update of state, therapist_id, intake_id, partner_intake_id on appointment
    for each row when (new.state = 'BOOKED' and (old.state <> 'BOOKED' or new.therapist_id <> old.therapist_id
                       or new.intake_id <> old.intake_id
                       or new.partner_intake_id is distinct from old.partner_intake_id))
    execute function appointment_bookable();
