-- What a therapist had typed into a session note that could not be saved when they were signed out for idleness (the
-- note was saved from another tab meanwhile, or had locked): kept apart for its author to copy from or discard, never
-- merged into the note; encrypted like the note (ADR 5), gone after 30 days or when the client's words are erased.
create table session_note_kept_text (
    id                 bigint generated always as identity primary key,
    appointment_id     bigint      not null references appointment (id),
    intake_id          bigint      not null references intake (id),
    partner_intake_id  bigint references intake (id),
    author_id          bigint      not null references staff_account (id),
    template           varchar(8)  not null,
    body               text        not null,
    because            varchar(16) not null,
    kept_at            timestamptz not null,
    constraint session_note_kept_text_template_ck check (template in ('FREE', 'DAP', 'SOAP')),
    constraint session_note_kept_text_because_ck check (because in ('CHANGED', 'LOCKED')),
    constraint session_note_kept_text_body_ck check (body like 'enc:v1:%')
);

create index session_note_kept_text_session_ix on session_note_kept_text (appointment_id, author_id);
create index session_note_kept_text_intake_ix on session_note_kept_text (intake_id);
create index session_note_kept_text_partner_ix on session_note_kept_text (partner_intake_id)
    where partner_intake_id is not null;
create index session_note_kept_text_kept_ix on session_note_kept_text (kept_at);
