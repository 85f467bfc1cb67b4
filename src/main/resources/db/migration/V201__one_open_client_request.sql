-- A double tap on "Send request" wrote the same request twice, and staff and the client saw it twice: one client keeps
-- at most one open request of each kind on a session. Doubles already made are closed as DUPLICATE, the first kept
-- open; they stay on record (the client sent them) but are never listed as waiting nor said to be dealt with.
alter table appointment_request drop constraint appointment_request_resolution_ck;
alter table appointment_request add constraint appointment_request_resolution_ck check (
    (handled_at is null) = (resolution is null) and (resolution is null or resolution in ('HANDLED', 'MOVED',
    'CANCELLED', 'DUPLICATE')));

update appointment_request r set handled_at = r.created_at, resolution = 'DUPLICATE'
 where r.handled_at is null and r.requested_by_intake_id is not null
   and exists (select 1 from appointment_request first
                where first.appointment_id = r.appointment_id
                  and first.requested_by_intake_id = r.requested_by_intake_id
                  and first.kind = r.kind and first.handled_at is null
                  and (first.created_at, first.id) < (r.created_at, r.id));

create unique index appointment_request_one_open_uk on appointment_request (appointment_id, requested_by_intake_id, kind)
    where handled_at is null;
