-- The therapist's working record of one intake: who has it, and whether its risk has been reviewed.
create table review_case (
    intake_id                  bigint primary key references intake (id),
    version                    bigint        not null default 0,
    assigned_therapist_id      bigint references staff_account (id),
    risk_acknowledged_at       timestamptz,
    risk_acknowledged_by       bigint references staff_account (id),
    risk_acknowledgement_note  varchar(1000),
    constraint review_case_ack_ck check ((risk_acknowledged_at is null) = (risk_acknowledged_by is null)
        and (risk_acknowledged_at is null) = (risk_acknowledgement_note is null))
);

create index review_case_assignee_ix on review_case (assigned_therapist_id, intake_id);

-- Private clinical notes: append-only, each with its author and time.
create table case_note (
    id          bigint generated always as identity primary key,
    intake_id   bigint        not null references intake (id),
    author_id   bigint        not null references staff_account (id),
    body        varchar(4000) not null,
    created_at  timestamptz   not null,
    constraint case_note_body_ck check (length(trim(body)) > 0)
);

create index case_note_intake_ix on case_note (intake_id, created_at);

create function case_note_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'clinical notes are append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger case_note_no_change before update or delete on case_note
    for each row execute function case_note_append_only();

-- What the factor rules suggested at submission, kept beside the decisions so the practice can see how
-- often the suggestions were right.
create table factor_suggestion (
    id                bigint generated always as identity primary key,
    intake_id         bigint      not null references intake (id),
    tag_id            varchar(64) not null,
    reasons           jsonb       not null,
    rule_set_version  integer     not null,
    created_at        timestamptz not null,
    constraint factor_suggestion_uk unique (intake_id, tag_id)
);

-- Each therapist decision on a contributing factor; the latest per tag is the current one.
create table factor_decision (
    id          bigint generated always as identity primary key,
    intake_id   bigint      not null references intake (id),
    tag_id      varchar(64) not null,
    decision    varchar(10) not null,
    decided_by  bigint      not null references staff_account (id),
    decided_at  timestamptz not null,
    constraint factor_decision_ck check (decision in ('CONFIRMED', 'REJECTED', 'ADDED', 'REMOVED'))
);

create index factor_decision_intake_ix on factor_decision (intake_id, tag_id, decided_at desc, id desc);
create index factor_decision_tag_ix on factor_decision (tag_id);

-- The referral decision and its reason; the latest is current. Couples work despite a partner-fear flag
-- needs an explicit clinical decision, recorded here.
create table referral (
    id                          bigint generated always as identity primary key,
    intake_id                   bigint        not null references intake (id),
    kind                        varchar(30)   not null,
    reason                      varchar(4000) not null,
    partner_fear_decision       varchar(1000),
    decided_by                  bigint        not null references staff_account (id),
    decided_at                  timestamptz   not null,
    constraint referral_kind_ck check (kind in ('COUPLES', 'INDIVIDUAL', 'BOTH', 'GP_MEDICATION_REVIEW',
        'GP_HORMONAL_REVIEW', 'NHS_TALKING_THERAPIES', 'CRISIS_SERVICE')),
    constraint referral_reason_ck check (length(trim(reason)) > 0)
);

create index referral_intake_ix on referral (intake_id, decided_at desc, id desc);

-- The review queue: urgent first, then longest waiting; keyset pagination walks this index.
create index intake_queue_ix on intake (urgent desc, submitted_at, id);
create index intake_status_queue_ix on intake (status, urgent desc, submitted_at, id);
-- Word-prefix search on names ("amir" finds "Dr Amira Khan") without scanning a million rows.
create index intake_name_search_ix on intake using gin (to_tsvector('simple', full_name));
