-- A time is held for waiting clients only in the diary of someone still with the practice: a client choosing it could
-- never have it booked (V182). An offer shares the therapist's diary turn (the lock every booking takes with its
-- insert, and deactivation takes before it counts) from holding the time to its commit, so deactivation, which lets
-- the therapist's held times go once it holds the turn, sees every offer in flight, and one that waited finds them gone.
create function held_slot_therapist_active() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1952997751, new.therapist_id::int);
    if not exists (select 1 from staff_account where id = new.therapist_id and active) then
        raise exception 'the therapist of this time is no longer active'
            using errcode = 'check_violation', constraint = 'held_slot_therapist_active';
    end if;
    return new;
end $$;

create trigger held_slot_therapist_active_on_insert before insert on held_slot
    for each row when (new.state = 'HELD') execute function held_slot_therapist_active();

create trigger held_slot_therapist_active_on_change before update of state on held_slot
    for each row when (new.state = 'HELD' and old.state <> 'HELD') execute function held_slot_therapist_active();
