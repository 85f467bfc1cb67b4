-- Indexes found missing by the issue 7 benchmarks at 1,000,000 intakes and 2,000,000 sessions (docs/performance.md).

-- The queue sorts urgent-first as "(not urgent), submitted_at, id", all ascending, so a page's keyset is one row
-- comparison these indexes start from. The open cases (the default view) are a small, recent part of a million
-- intakes: their own partial index saves walking years of closed cases first.
create index intake_open_queue_ix on intake ((not urgent), submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_urgency_queue_ix on intake ((not urgent), submitted_at, id);
create index intake_status_urgency_queue_ix on intake (status, (not urgent), submitted_at, id);
drop index intake_queue_ix;
drop index intake_status_queue_ix;
-- The other sort orders of the queue, each walked by its keyset.
create index intake_submitted_queue_ix on intake (submitted_at, id);
create index intake_name_queue_ix on intake (full_name, id);

-- A therapist's or a room's sessions in a window (free-slot finder, diary, conflict messages) without reading
-- every earlier session: the queries bound starts_at from both sides.
create index appointment_therapist_start_ix on appointment (therapist_id, starts_at);
create index appointment_room_start_ix on appointment (room_id, starts_at) where room_id is not null;

-- That lower bound relies on no session lasting longer than the longest a session type allows
-- (AppointmentType.MAX_MINUTES).
alter table appointment add constraint appointment_length_ck check (ends_at <= starts_at + interval '240 minutes');
