-- A series session's planned start, kept when it moves: its calendar entry is that occurrence of the series'
-- recurring event (RECURRENCE-ID). Sessions of series booked before this have none and keep their own entries.
alter table appointment add column original_starts_at timestamptz;

-- How a client's own cancellation stood against the practice's notice period when it was made (the period may change
-- later). Null for the practice's cancellations and older rows, which the report judges by the times.
alter table appointment add column cancel_kind varchar(8);
alter table appointment add constraint appointment_cancel_kind_ck
    check (cancel_kind is null or (cancel_kind in ('ON_TIME', 'LATE') and state = 'CANCELLED'));

-- A client's request made inside the notice period: the practice sees it was late.
alter table appointment_request add column late boolean not null default false;

-- An offer whose every time another case chose first closes at once, as TAKEN.
alter table slot_offer drop constraint slot_offer_state_ck;
alter table slot_offer add constraint slot_offer_state_ck
    check (state in ('OPEN', 'BOOKED', 'EXPIRED', 'WITHDRAWN', 'TAKEN'));

-- Staff are emailed when an offer ends without a booking. The kinds other migrations added are kept.
do $$
declare
    kinds text;
begin
    select string_agg(quote_literal(m[1]), ', ') into kinds
      from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') as m
     where c.conname = 'outbox_message_kind_ck';
    alter table outbox_message drop constraint outbox_message_kind_ck;
    execute format('alter table outbox_message add constraint outbox_message_kind_ck check (kind in (%s, %L))',
                   kinds, 'OFFER_ENDED');
end $$;
