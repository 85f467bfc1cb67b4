-- A room taken out of use takes no new session on any path, as a therapist who left takes none (V182): a session
-- booked into a room, moved into one, or moved to another time in its room reads the room with a share lock. Taking a
-- room out of use updates its row, so it waits for a booking in flight and then counts it among the sessions still
-- booked there, and a booking that waited for the closing finds the room out of use. A session already in a room that
-- closed keeps it while its time and room stay as they are (cancelled, marked, given to another therapist).
create function appointment_room_in_use() returns trigger language plpgsql as $$
declare
    in_use boolean;
begin
    select active into in_use from room where id = new.room_id for share;
    if not in_use then
        raise exception 'the room of this session is no longer in use'
            using errcode = 'check_violation', constraint = 'appointment_room_in_use';
    end if;
    return new;
end $$;

-- named to fire after appointment_bookable's (triggers fire by name): the diary's and the cases' turns, then the room
create trigger appointment_room_in_use_on_insert before insert on appointment
    for each row when (new.state = 'BOOKED' and new.room_id is not null) execute function appointment_room_in_use();

create trigger appointment_room_in_use_on_change before update of state, room_id, starts_at, ends_at on appointment
    for each row when (new.state = 'BOOKED' and new.room_id is not null
                       and (old.state <> 'BOOKED' or new.room_id is distinct from old.room_id
                            or new.starts_at <> old.starts_at or new.ends_at <> old.ends_at))
    execute function appointment_room_in_use();
