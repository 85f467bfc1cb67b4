-- A closed case never has sessions to come: closing refuses a case with sessions booked, and the safety gates refuse
-- a booking for a closed case. Each reads the other's state, so a booking and a closing of the same case at the same
-- moment could both pass at READ COMMITTED. They now take turns on the case (an advisory lock: no row written, no
-- WAL): a booking shares the turn from its insert to its commit, a closing takes it alone before it looks at the
-- diary, and the booking looks at the case's status again once its turn came.
create function hold_cases_from_booking(intakes bigint[]) returns void language plpgsql as $$
begin
    -- in id order, as bookings take them, so a couple's joint booking and closing both partners cannot deadlock
    perform pg_advisory_xact_lock(1667330917, (id % 2147483648)::int) from unnest(intakes) id order by id;
end $$;

create function appointment_case_open() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1667330917, (id % 2147483648)::int)
       from unnest(array[new.intake_id, new.partner_intake_id]) id
      where id is not null
      order by id;
    if exists (select 1 from intake where id in (new.intake_id, new.partner_intake_id) and status = 'CLOSED') then
        -- only a closing that won the race gets here (the gates refuse a case already closed): trying again meets
        -- the gate, which says why and how to reopen
        raise exception 'a client of this session had their case closed while it was being booked'
            using errcode = 'serialization_failure', constraint = 'appointment_case_open';
    end if;
    return new;
end $$;

create trigger appointment_case_open_on_insert before insert on appointment
    for each row when (new.state = 'BOOKED') execute function appointment_case_open();

create trigger appointment_case_open_on_change before update of state, intake_id, partner_intake_id on appointment
    for each row when (new.state = 'BOOKED' and (old.state <> 'BOOKED' or new.intake_id <> old.intake_id
                       or new.partner_intake_id is distinct from old.partner_intake_id))
    execute function appointment_case_open();
