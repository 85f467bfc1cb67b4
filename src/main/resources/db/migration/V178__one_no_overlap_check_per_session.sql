-- ADR 24: a session's time is kept apart from every other claim by diary_claim's exclusion constraints (V90), which
-- the appointment trigger writes for every session not cancelled. appointment's own two constraints checked the
-- same again on every booking and move (two more GiST indexes, 225 MB at 1 M sessions); the diary's claims now
-- carry the rule alone, for sessions and held times alike.
alter table appointment drop constraint appointment_therapist_overlap_xc;
alter table appointment drop constraint appointment_room_overlap_xc;
