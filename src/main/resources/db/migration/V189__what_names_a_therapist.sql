-- A departure, and the expiry job's sweep after it, find what still names a therapist by index, not by a scan of a
-- waiting list that can hold a million cases.
create index held_slot_open_therapist_ix on held_slot (therapist_id) where state in ('HELD', 'FREED');
create index waitlist_entry_preferred_ix on waitlist_entry (preferred_therapist_id)
    where state = 'WAITING' and preferred_therapist_id is not null;
