-- Issue 15: the client's status link goes into their booking emails, where they said email is safe. Only a hash of it
-- was kept (ADR 4); for those clients the link itself is now kept too, encrypted with the field keys (ADR 5), so a copy
-- of the database without the keys still opens no client page. Deleted when the client is erased.
create table client_status_link (
    intake_id  bigint primary key references intake (id) on delete cascade,
    token      text   not null
);
