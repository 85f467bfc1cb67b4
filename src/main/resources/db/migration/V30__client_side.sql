-- Whether the client said email is a safe way to reach them: intake-v2 asks; clients of intake-v1 were told
-- their email would be used. Nothing is emailed to a client whose answer is no.
alter table intake add column email_safe boolean not null default true;

-- Who asked: on a joint session each partner sees only their own requests, never the other's.
alter table appointment_request add column requested_by_intake_id bigint references intake (id);
update appointment_request r set requested_by_intake_id = a.intake_id
  from appointment a
 where a.id = r.appointment_id and a.partner_intake_id is null;
create index appointment_request_requester_ix on appointment_request (requested_by_intake_id)
    where requested_by_intake_id is not null;
