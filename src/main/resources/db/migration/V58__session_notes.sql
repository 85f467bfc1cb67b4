-- Issue 15: the therapist's note of an attended session (free, DAP or SOAP), encrypted like every clinical free text
-- (ADR 5). Its author may edit it until they sign it, and for 24 hours at most: after that it is locked and anything
-- more is an addendum, never an edit. The database holds that line itself; only erasure may blank the words.
create table session_note (
    id                 bigint generated always as identity primary key,
    appointment_id     bigint      not null references appointment (id),
    intake_id          bigint      not null references intake (id),
    partner_intake_id  bigint references intake (id),
    author_id          bigint      not null references staff_account (id),
    template           varchar(8)  not null,
    body               text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    signed_at          timestamptz,
    constraint session_note_appointment_uk unique (appointment_id),
    constraint session_note_template_ck check (template in ('FREE', 'DAP', 'SOAP')),
    constraint session_note_body_ck check (body is null or body like 'enc:v1:%'),
    constraint session_note_times_ck check (created_at <= updated_at and (signed_at is null or created_at <= signed_at))
);

create index session_note_intake_ix on session_note (intake_id);
create index session_note_partner_ix on session_note (partner_intake_id) where partner_intake_id is not null;

create function session_note_locked() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and erasure_in_progress() and new.body is null and new.id = old.id
       and new.appointment_id = old.appointment_id and new.author_id = old.author_id
       and new.created_at = old.created_at then
        return new;
    end if;
    -- the author's own edits and signature, until it is signed or 24 hours old; the session it belongs to never moves
    if tg_op = 'UPDATE' and old.signed_at is null and old.created_at > now() - interval '24 hours'
       and new.id = old.id and new.appointment_id = old.appointment_id and new.author_id = old.author_id
       and new.intake_id = old.intake_id and new.partner_intake_id is not distinct from old.partner_intake_id
       and new.created_at = old.created_at and new.body is not null then
        return new;
    end if;
    raise exception 'a signed session note is locked: % is not allowed (add an addendum)', tg_op
        using errcode = 'insufficient_privilege', constraint = 'session_note_locked_ck';
end $$;

create trigger session_note_locked before update or delete on session_note
    for each row execute function session_note_locked();

create table session_note_addendum (
    id          bigint generated always as identity primary key,
    note_id     bigint      not null references session_note (id),
    author_id   bigint      not null references staff_account (id),
    body        text,
    created_at  timestamptz not null,
    constraint session_note_addendum_body_ck check (body is null or body like 'enc:v1:%')
);

create index session_note_addendum_note_ix on session_note_addendum (note_id, id);

create function session_note_addendum_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and erasure_in_progress() and new.body is null and new.id = old.id
       and new.note_id = old.note_id and new.author_id = old.author_id and new.created_at = old.created_at then
        return new;
    end if;
    raise exception 'addenda are append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger session_note_addendum_no_change before update or delete on session_note_addendum
    for each row execute function session_note_addendum_append_only();
