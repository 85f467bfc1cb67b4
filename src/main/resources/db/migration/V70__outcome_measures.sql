-- Issue 16: outcome measures through therapy. A client answers short, versioned measure sets (PHQ-9, GAD-7, CSI-4, a
-- repeat of the intake's feeling items, a partner-safety question) before sessions, through their own link; the
-- scores follow the course of care (care_event) and feed a summary kept ready for the practice's results report.

-- Which measures a case is asked, and whether the client sees their own progress (the therapist may change both).
create table measure_plan (
    intake_id        bigint      primary key references intake (id),
    measures         varchar(80) not null,
    client_progress  boolean     not null default true,
    updated_at       timestamptz not null,
    updated_by       bigint references staff_account (id),
    constraint measure_plan_measures_ck check (measures ~ '^(PHQ9|GAD7|CSI4|FEELINGS|PARTNER_SAFETY)(,(PHQ9|GAD7|CSI4|FEELINGS|PARTNER_SAFETY))*$')
);

-- One set of measures one client is asked before one session; open until the session ends.
create table measure_request (
    id              bigint generated always as identity primary key,
    intake_id       bigint      not null references intake (id),
    appointment_id  bigint      not null references appointment (id),
    measures        varchar(80) not null,
    session_starts  timestamptz not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    emailed_at      timestamptz,
    answered_at     timestamptz,
    constraint measure_request_session_uk unique (intake_id, appointment_id),
    constraint measure_request_expiry_ck check (expires_at > created_at),
    constraint measure_request_measures_ck check (measures ~ '^(PHQ9|GAD7|CSI4|FEELINGS|PARTNER_SAFETY)(,(PHQ9|GAD7|CSI4|FEELINGS|PARTNER_SAFETY))*$')
);
create index measure_request_open_ix on measure_request (intake_id, expires_at) where answered_at is null;

-- Capability links to one request (the emailed one, and one per visit from the status page): only a hash is kept.
create table measure_link (
    token_hash  char(64)    primary key,
    request_id  bigint      not null references measure_request (id) on delete cascade,
    created_at  timestamptz not null
);
create index measure_link_request_ix on measure_link (request_id);

-- One answered set: the intake's own answers (the first measure) or a client's answers to a request. Choices only,
-- never free text; scores kept per measure so the chart and the summary read numbers, not answers.
create table measure_response (
    id           bigint generated always as identity primary key,
    intake_id    bigint      not null references intake (id),
    request_id   bigint      references measure_request (id),
    source       varchar(8)  not null,
    answered_at  timestamptz not null,
    versions     varchar(200) not null,
    answers      jsonb       not null,
    phq9         smallint,
    gad7         smallint,
    csi4         smallint,
    feelings     smallint,
    risk         boolean     not null,
    constraint measure_response_source_ck check (source in ('INTAKE', 'CLIENT')),
    constraint measure_response_request_ck check ((source = 'CLIENT') = (request_id is not null)),
    constraint measure_response_request_uk unique (request_id),
    constraint measure_response_answers_ck check (jsonb_typeof(answers) = 'object'),
    constraint measure_response_phq9_ck check (phq9 between 0 and 27),
    constraint measure_response_gad7_ck check (gad7 between 0 and 21),
    constraint measure_response_csi4_ck check (csi4 between 0 and 21),
    constraint measure_response_feelings_ck check (feelings between 0 and 15)
);
create unique index measure_response_intake_uk on measure_response (intake_id) where source = 'INTAKE';
create index measure_response_intake_ix on measure_response (intake_id, answered_at);

-- A risk answer on a repeat measure: open until the assigned therapist acknowledges it. Rule ids only, no answers.
create table measure_alert (
    id               bigint generated always as identity primary key,
    intake_id        bigint       not null references intake (id),
    response_id      bigint       not null references measure_response (id),
    rules            varchar(100) not null,
    created_at       timestamptz  not null,
    acknowledged_at  timestamptz,
    acknowledged_by  bigint references staff_account (id),
    note             text,
    constraint measure_alert_ack_ck check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index measure_alert_open_ix on measure_alert (intake_id) where acknowledged_at is null;

-- One course of therapy of one client, as the report needs it: kept by the service as the course starts, as measures
-- arrive and as it ends (first and last PHQ-9/GAD-7 of the course, its therapist, service and wait).
create table outcome_episode (
    id                 bigint generated always as identity primary key,
    intake_id          bigint      not null references intake (id),
    service_type       varchar(10) not null,
    therapist_id       bigint references staff_account (id),
    referred_at        timestamptz not null,
    started_at         timestamptz not null,
    ended_at           timestamptz,
    outcome            varchar(16),
    finished           boolean     not null default false,
    first_phq9         smallint,
    first_gad7         smallint,
    last_phq9          smallint,
    last_gad7          smallint,
    paired_sets        integer     not null default 0,
    constraint outcome_episode_service_ck check (service_type in ('INDIVIDUAL', 'COUPLES')),
    constraint outcome_episode_outcome_ck check ((ended_at is null) = (outcome is null)
        and (outcome is null or outcome in ('COMPLETED', 'DROPPED_OUT', 'REFERRED_ON')))
);
create unique index outcome_episode_open_uk on outcome_episode (intake_id) where ended_at is null;
create index outcome_episode_ended_ix on outcome_episode (ended_at) where ended_at is not null;

-- The practice's results, ready to read: one row per month the courses ended in, therapist and service. Counts are
-- added as each course ends; waits (days from form to first session) as a histogram, index n+1 for n days, 366: more.
create table outcome_summary (
    month                   date        not null,
    therapist_id            bigint      not null,
    service_type            varchar(10) not null,
    ended                   integer     not null default 0,
    finished                integer     not null default 0,
    paired                  integer     not null default 0,
    at_caseness             integer     not null default 0,
    recovered               integer     not null default 0,
    reliable_improvement    integer     not null default 0,
    reliable_deterioration  integer     not null default 0,
    reliable_recovery       integer     not null default 0,
    wait_days               integer[]   not null default array_fill(0, array[366]),
    primary key (month, therapist_id, service_type),
    constraint outcome_summary_service_ck check (service_type in ('INDIVIDUAL', 'COUPLES'))
);

-- An open alert on a repeat measure puts the case at the very top of the queue (rank 0, as unreviewed intake risk).
create or replace function intake_queue_rank() returns trigger language plpgsql as $$
begin
    new.queue_rank := case when exists (select 1 from measure_alert ma
                                         where ma.intake_id = new.id and ma.acknowledged_at is null) then 0
                           when not new.urgent then 2
                           when exists (select 1 from review_case rc
                                         where rc.intake_id = new.id and rc.risk_acknowledged_at is not null) then 1
                           else 0 end;
    return new;
end $$;

create or replace function review_case_queue_rank() returns trigger language plpgsql as $$
begin
    update intake i set queue_rank = r.rank
      from (select case when exists (select 1 from measure_alert ma
                                      where ma.intake_id = new.intake_id and ma.acknowledged_at is null) then 0
                        when not x.urgent then 2 when new.risk_acknowledged_at is not null then 1 else 0 end as rank
              from intake x where x.id = new.intake_id) r
     where i.id = new.intake_id and i.queue_rank is distinct from r.rank;
    return new;
end $$;

create function measure_alert_queue_rank() returns trigger language plpgsql as $$
begin
    update intake i set queue_rank = r.rank
      from (select case when exists (select 1 from measure_alert ma
                                      where ma.intake_id = new.intake_id and ma.acknowledged_at is null) then 0
                        when not x.urgent then 2
                        when exists (select 1 from review_case rc
                                      where rc.intake_id = x.id and rc.risk_acknowledged_at is not null) then 1
                        else 0 end as rank
              from intake x where x.id = new.intake_id) r
     where i.id = new.intake_id and i.queue_rank is distinct from r.rank;
    return new;
end $$;

create trigger measure_alert_queue_rank after insert or update of acknowledged_at on measure_alert
    for each row execute function measure_alert_queue_rank();

-- Measure links go out by email (no clinical content); clinical leads read the practice's results.
alter table outbox_message drop constraint outbox_message_kind_ck;
alter table outbox_message add constraint outbox_message_kind_ck check (kind in ('BOOKED', 'CHANGED', 'CANCELLED',
    'REMINDER', 'INTAKE_RECEIVED', 'PARTNER_INVITATION', 'STAFF_INVITATION', 'PASSWORD_RESET', 'SIGN_IN_PAUSED',
    'MEASURE_LINK'));
alter table staff_account drop constraint staff_account_role_ck;
alter table staff_account add constraint staff_account_role_ck check (role in ('THERAPIST', 'ADMIN', 'CLINICAL_LEAD'));
