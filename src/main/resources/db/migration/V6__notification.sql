-- Every email the practice sends, written in the same transaction as the change it tells about, then
-- delivered by a background sender with retries. Bodies hold names, times and places only, never clinical content.
create table outbox_message (
    id               bigint generated always as identity primary key,
    -- one message per (subject, kind, sequence, recipient): a second instance or a repeated event adds nothing
    idempotency_key  varchar(300)  not null,
    kind             varchar(24)   not null,
    recipient        varchar(254)  not null,
    subject          varchar(200)  not null,
    body_text        text          not null,
    ics              text,
    ics_method       varchar(10),
    appointment_id   bigint,
    sequence         integer,
    status           varchar(12)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    -- a reminder is pointless once the session has started
    not_after        timestamptz,
    last_attempt_at  timestamptz,
    last_error       varchar(300),
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    constraint outbox_message_key_uk unique (idempotency_key),
    constraint outbox_message_kind_ck check (kind in ('BOOKED', 'CHANGED', 'CANCELLED', 'REMINDER',
        'INTAKE_RECEIVED', 'PARTNER_INVITATION')),
    constraint outbox_message_status_ck check (status in ('PENDING', 'SENT', 'FAILED', 'CAPTURED', 'WITHDRAWN')),
    constraint outbox_message_ics_ck check ((ics is null) = (ics_method is null)),
    constraint outbox_message_attempts_ck check (attempts >= 0)
);

-- The sender's claim query walks only what is still to send, in due order.
create index outbox_message_due_ix on outbox_message (next_attempt_at, id) where status = 'PENDING';
create index outbox_message_created_ix on outbox_message (created_at desc, id desc);
create index outbox_message_appointment_ix on outbox_message (appointment_id, kind)
    where appointment_id is not null;

-- A therapist's private calendar feed: only the SHA-256 of the secret link is kept; deleting the row revokes it.
create table calendar_feed (
    therapist_id  bigint       primary key references staff_account (id) on delete cascade,
    token_hash    char(64)     not null,
    created_at    timestamptz  not null,
    constraint calendar_feed_token_uk unique (token_hash)
);
