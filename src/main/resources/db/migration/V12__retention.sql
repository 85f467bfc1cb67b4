-- UK GDPR erasure, legal hold and retention. Erasure anonymises one client in place (statistics stay); the
-- append-only and immutability triggers let exactly that path through, in a transaction that did
-- SET LOCAL thaw.erasure = 'on', and refuse everything else as before.

create function erasure_in_progress() returns boolean language sql stable as $$
    select coalesce(current_setting('thaw.erasure', true), '') = 'on'
$$;

-- When a case was closed starts the clinical retention period (backfilled from the audit log's last status change).
alter table intake add column closed_at timestamptz;
update intake i set closed_at = coalesce(
        (select max(a.occurred_at) from audit_entry a where a.intake_id = i.id and a.action = 'STATUS_CHANGED'),
        i.submitted_at)
 where i.status = 'CLOSED';
alter table intake add constraint intake_closed_at_ck check ((status = 'CLOSED') = (closed_at is not null));
create index intake_closed_ix on intake (closed_at) where status = 'CLOSED';

-- An erased client has no date of birth; free text is erased to NULL (readers show a marker).
alter table intake alter column date_of_birth drop not null;
alter table case_note alter column body drop not null;
alter table referral alter column reason drop not null;
alter table intake_amendment alter column reason drop not null;
alter table review_case drop constraint review_case_ack_ck;
alter table review_case add constraint review_case_ack_ck check ((risk_acknowledged_at is null) = (risk_acknowledged_by is null)
    and (risk_acknowledged_at is not null or risk_acknowledgement_note is null));

-- What the client submitted is a record; only erasure may overwrite the answers (with markers for free text).
create or replace function intake_answers_immutable() returns trigger language plpgsql as $$
begin
    if new.questionnaire_id is distinct from old.questionnaire_id
       or new.questionnaire_version is distinct from old.questionnaire_version
       or new.submitted_at is distinct from old.submitted_at
       or (new.answers is distinct from old.answers and not erasure_in_progress()) then
        raise exception 'submitted answers of intake % cannot be changed', old.id
            using errcode = 'check_violation', constraint = 'intake_answers_immutable_ck';
    end if;
    return new;
end $$;

-- Notes are never edited or deleted; erasure may only blank a body.
create or replace function case_note_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and erasure_in_progress() and new.body is null
       and new.id = old.id and new.intake_id = old.intake_id and new.author_id = old.author_id
       and new.created_at = old.created_at then
        return new;
    end if;
    raise exception 'clinical notes are append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

-- Amendments are never edited or deleted; erasure may only blank the reason and mark a free-text answer.
create or replace function intake_amendment_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and erasure_in_progress() and new.reason is null
       and new.id = old.id and new.intake_id = old.intake_id and new.item_id = old.item_id
       and new.amended_by = old.amended_by and new.amended_at = old.amended_at then
        return new;
    end if;
    raise exception 'amendments are append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

-- The practice's own settings, one row, edited by the practice manager.
create table practice_settings (
    id                           smallint    primary key default 1,
    version                      bigint      not null default 0,
    clinical_retention_years     integer     not null default 7,
    non_client_retention_months  integer     not null default 6,
    updated_at                   timestamptz,
    updated_by                   bigint references staff_account (id),
    constraint practice_settings_single_ck check (id = 1),
    constraint practice_settings_years_ck check (clinical_retention_years between 1 and 30),
    constraint practice_settings_months_ck check (non_client_retention_months between 1 and 120)
);
insert into practice_settings (id) values (1);

-- A legal hold keeps a client's record as it is (a claim, a court order): no erasure, no retention. Cleared
-- holds stay as history. The reason is kept here, not in the audit log, because it may name people.
create table legal_hold (
    id              bigint generated always as identity primary key,
    intake_id       bigint       not null references intake (id),
    reason          varchar(500) not null,
    set_by          bigint       not null references staff_account (id),
    set_at          timestamptz  not null,
    cleared_reason  varchar(500),
    cleared_by      bigint references staff_account (id),
    cleared_at      timestamptz,
    constraint legal_hold_reason_ck check (length(trim(reason)) > 0),
    constraint legal_hold_cleared_ck check ((cleared_at is null) = (cleared_by is null)
        and (cleared_at is null) = (cleared_reason is null))
);
create unique index legal_hold_active_uk on legal_hold (intake_id) where cleared_at is null;

-- Each erased client, once: makes erasure idempotent and says who asked and why (or that retention did it).
create table client_erasure (
    intake_id   bigint       primary key references intake (id),
    source      varchar(12)  not null,
    reason      varchar(500) not null,
    erased_by   bigint references staff_account (id),
    erased_at   timestamptz  not null,
    constraint client_erasure_source_ck check (source in ('REQUEST', 'RETENTION')),
    constraint client_erasure_by_ck check ((source = 'REQUEST') = (erased_by is not null))
);

-- What each retention run did, shown to the practice manager.
create table retention_run (
    id                 bigint generated always as identity primary key,
    ran_at             timestamptz not null,
    clinical_years     integer     not null,
    non_client_months  integer     not null,
    anonymised         integer     not null,
    skipped_for_hold   integer     not null
);
create index retention_run_time_ix on retention_run (ran_at desc, id desc);
