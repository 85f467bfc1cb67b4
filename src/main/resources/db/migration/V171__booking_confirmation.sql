-- A booked session's confirmation, owed until its emails are in the outbox (issue 20.3): written in the booking's own
-- transaction instead of an event-registry row, rendered just after the commit, or by the sweep after a crash.
-- It names only the session and its version: the names, addresses and link are read when the email is rendered.
create table booking_confirmation (
    appointment_id bigint      not null,
    sequence       int         not null,
    created_at     timestamptz not null,
    primary key (appointment_id, sequence)
);
