-- A room taken out of use, and the expiry job's sweep after it, find the times still held in it by index.
create index held_slot_open_room_ix on held_slot (room_id) where room_id is not null and state in ('HELD', 'FREED');
