-- A client's subject access request (UK GDPR art. 15). The practice manager records it; the clinician named on it
-- reviews the export for serious harm (Data Protection Act 2018, Sch. 3 Part 2) and approves its release, withholding
-- parts where needed; only then can the files be downloaded, and the first download releases it.
create table subject_access_request (
    id                  bigint generated always as identity primary key,
    version             bigint       not null default 0,
    intake_id           bigint       not null references intake (id),
    received_on         date         not null,
    recorded_by         bigint       not null references staff_account (id),
    recorded_at         timestamptz  not null,
    reviewer_id         bigint       not null references staff_account (id),
    status              varchar(30)  not null,
    extension_months    smallint,
    extension_reason    varchar(300),
    extended_by         bigint references staff_account (id),
    extended_at         timestamptz,
    reviewed_by         bigint references staff_account (id),
    reviewed_at         timestamptz,
    -- SHA-256 of the withholdable parts as the clinician saw them: a record changed since is reviewed again
    reviewed_content    char(64),
    released_by         bigint references staff_account (id),
    released_at         timestamptz,
    withdrawn_by        bigint references staff_account (id),
    withdrawn_at        timestamptz,
    withdrawal_reason   varchar(300),
    constraint subject_access_status_ck check (status in
        ('AWAITING_REVIEW', 'APPROVED', 'APPROVED_WITH_REDACTIONS', 'RELEASED', 'WITHDRAWN')),
    -- a request arrives before it is recorded, never in the future (UK days)
    constraint subject_access_received_ck check (received_on <= (recorded_at at time zone 'Europe/London')::date
        and received_on >= date '2018-05-25'),
    -- the lawful extension: one or two further months, with the reason
    constraint subject_access_extension_ck check (
        (extension_months is null) = (extension_reason is null)
        and (extension_months is null) = (extended_at is null)
        and (extended_at is null) = (extended_by is null)
        and (extension_months is null or extension_months between 1 and 2)
        and (extension_reason is null or length(btrim(extension_reason)) > 0)),
    constraint subject_access_reviewed_ck check (
        (reviewed_at is null) = (reviewed_by is null) and (reviewed_at is null) = (reviewed_content is null)
        and (status not in ('APPROVED', 'APPROVED_WITH_REDACTIONS', 'RELEASED') or reviewed_at is not null)
        and (status <> 'AWAITING_REVIEW' or reviewed_at is null)),
    constraint subject_access_released_ck check (
        (status = 'RELEASED') = (released_at is not null) and (released_at is null) = (released_by is null)),
    constraint subject_access_withdrawn_ck check (
        (status = 'WITHDRAWN') = (withdrawn_at is not null)
        and (withdrawn_at is null) = (withdrawn_by is null)
        and (withdrawn_at is null) = (withdrawal_reason is null)
        and (withdrawal_reason is null or length(btrim(withdrawal_reason)) > 0))
);

-- One open request per client at a time.
create unique index subject_access_request_open_uk on subject_access_request (intake_id)
    where status in ('AWAITING_REVIEW', 'APPROVED', 'APPROVED_WITH_REDACTIONS');
create index subject_access_request_reviewer_ix on subject_access_request (reviewer_id)
    where status = 'AWAITING_REVIEW';

-- A part of the export the clinician withheld, and why. What was withheld and the reason are clinical content:
-- encrypted by the application (ADR 5) like every other free text.
create table subject_access_withheld (
    id            bigint generated always as identity primary key,
    request_id    bigint       not null references subject_access_request (id),
    item_key      text         not null,
    item_title    text,
    reason        text,
    withheld_by   bigint       not null references staff_account (id),
    withheld_at   timestamptz  not null,
    constraint subject_access_withheld_key_encrypted_ck check (item_key like 'enc:v1:%'),
    constraint subject_access_withheld_title_encrypted_ck check (item_title like 'enc:v1:%'),
    constraint subject_access_withheld_reason_encrypted_ck check (reason like 'enc:v1:%')
);
create index subject_access_withheld_request_ix on subject_access_withheld (request_id);

-- Erasing a client (on request or by retention) blanks the clinician's words about them here too.
create function subject_access_erase() returns trigger language plpgsql as $$
begin
    update subject_access_withheld w set item_title = null, reason = null
      from subject_access_request r
     where r.id = w.request_id and r.intake_id = new.intake_id;
    return new;
end $$;

create trigger subject_access_erase_after_client_erasure after insert on client_erasure
    for each row execute function subject_access_erase();
