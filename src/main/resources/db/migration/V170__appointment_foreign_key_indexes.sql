-- Every reference to a session gets an index: reading a session's care events, measures, requests and offers, and
-- the check a deleted session makes of each table, are then one index probe instead of a scan of the whole table.
create index care_event_appointment_ix on care_event (appointment_id) where appointment_id is not null;
create index measure_request_appointment_ix on measure_request (appointment_id);
create index appointment_request_appointment_ix on appointment_request (appointment_id);
create index waitlist_entry_appointment_ix on waitlist_entry (appointment_id) where appointment_id is not null;
create index held_slot_freed_by_ix on held_slot (freed_by_appointment) where freed_by_appointment is not null;
create index slot_offer_appointment_ix on slot_offer (appointment_id) where appointment_id is not null;
