-- Issue 20.5, ADR 20: the audit log and the answered outcome measures grow without bound, so each is partitioned by
-- the practice's month (Europe/London) on its time column. Old months can be detached for retention, a month's query
-- reads one partition, and inserts always go to the small current one. The app creates the coming months ahead
-- (ensure_month_partitions, at startup and daily); DEFAULT only catches a row no month was made for.

-- Creates the monthly partitions of p_parent for p_months months from p_from's month (those missing only), named
-- <parent>_YYYY_MM, bounded at midnight on the 1st in Europe/London. A month whose rows already sit in DEFAULT is
-- skipped with a warning (moving them is an operator's step, docs/operations.md). Returns how many it made.
create function ensure_month_partitions(p_parent text, p_from date, p_months integer) returns integer
    language plpgsql as $$
declare
    v_key   text;
    v_month date;
    v_name  text;
    v_lo    timestamptz;
    v_hi    timestamptz;
    v_taken boolean;
    v_made  integer := 0;
    v_timeout text;
begin
    p_from := coalesce(p_from, (now() at time zone 'Europe/London')::date);
    perform pg_advisory_xact_lock(hashtext('month partitions of ' || p_parent));
    -- making a month locks the whole table: give up after 5 s rather than queue every insert behind a long read
    -- (the job tries again the next night, three months ahead)
    v_timeout := current_setting('lock_timeout');
    perform set_config('lock_timeout', '5s', true);
    select a.attname into strict v_key
      from pg_partitioned_table pt
      join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
     where pt.partrelid = p_parent::regclass;
    for i in 0 .. p_months - 1 loop
        v_month := (date_trunc('month', p_from) + make_interval(months => i))::date;
        v_name := p_parent || '_' || to_char(v_month, 'YYYY_MM');
        continue when to_regclass(v_name) is not null;
        v_lo := v_month::timestamp at time zone 'Europe/London';
        v_hi := (v_month + interval '1 month')::timestamp at time zone 'Europe/London';
        execute format('select exists (select 1 from %I where %I >= $1 and %I < $2)', p_parent || '_default',
                       v_key, v_key) into v_taken using v_lo, v_hi;
        if v_taken then
            raise warning 'rows for % are in %_default: partition % not made', v_month, p_parent, v_name;
            continue;
        end if;
        execute format('create table %I partition of %I for values from (%L) to (%L)', v_name, p_parent, v_lo, v_hi);
        -- a statement trigger is not cloned to partitions: an append-only table's months refuse TRUNCATE too
        if exists (select 1 from pg_trigger where tgrelid = p_parent::regclass and tgname = p_parent || '_no_truncate') then
            execute format('create trigger %I before truncate on %I for each statement execute function %I()',
                           p_parent || '_no_truncate', v_name, p_parent || '_append_only');
        end if;
        v_made := v_made + 1;
    end loop;
    perform set_config('lock_timeout', v_timeout, true);
    return v_made;
end $$;

-- The months from the oldest row (London) to three months ahead.
create function month_span(p_oldest timestamptz) returns integer language sql stable as $$
    select (extract(year from age(date_trunc('month', now() at time zone 'Europe/London') + interval '3 months',
                                  date_trunc('month', coalesce(p_oldest, now()) at time zone 'Europe/London'))) * 12
          + extract(month from age(date_trunc('month', now() at time zone 'Europe/London') + interval '3 months',
                                   date_trunc('month', coalesce(p_oldest, now()) at time zone 'Europe/London'))))::int + 1
$$;

------------------------------------------------------------------------------------------------------------------------
-- The audit log. Its rows are copied into the partitioned table with their ids; the identity goes on after them.
alter table audit_entry rename to audit_entry_single;
alter index audit_entry_pkey rename to audit_entry_single_pkey;
alter index audit_entry_time_ix rename to audit_entry_single_time_ix;
alter index audit_entry_intake_ix rename to audit_entry_single_intake_ix;
alter index audit_entry_actor_ix rename to audit_entry_single_actor_ix;

create table audit_entry (
    id              bigint generated always as identity,
    occurred_at     timestamptz  not null,
    actor_id        bigint,
    actor_name      varchar(120) not null,
    action          varchar(40)  not null,
    intake_id       bigint,
    case_reference  varchar(12),
    detail          varchar(500),
    client_address  varchar(45),
    constraint audit_entry_pkey primary key (id, occurred_at)
) partition by range (occurred_at);

-- Still append-only on every partition: the row trigger is cloned to each month as it is made, the TRUNCATE trigger is
-- added to each month by ensure_month_partitions.
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
create table audit_entry_default partition of audit_entry default;
create trigger audit_entry_no_truncate before truncate on audit_entry_default
    for each statement execute function audit_entry_append_only();

select ensure_month_partitions('audit_entry',
        (select (min(occurred_at) at time zone 'Europe/London')::date from audit_entry_single),
        month_span((select min(occurred_at) from audit_entry_single)));

insert into audit_entry (id, occurred_at, actor_id, actor_name, action, intake_id, case_reference, detail,
                         client_address) overriding system value
select id, occurred_at, actor_id, actor_name, action, intake_id, case_reference, detail, client_address
  from audit_entry_single;

do $$
begin
    execute format('alter table audit_entry alter column id restart with %s',
                   (select coalesce(max(id), 0) + 1 from audit_entry_single));
end $$;
drop table audit_entry_single;

alter table audit_entry add constraint audit_entry_actor_id_fkey foreign key (actor_id) references staff_account (id);
create index audit_entry_time_ix on audit_entry (occurred_at desc, id desc);
create index audit_entry_intake_ix on audit_entry (intake_id, occurred_at) where intake_id is not null;
create index audit_entry_actor_ix on audit_entry (actor_id, occurred_at desc) where actor_id is not null;

------------------------------------------------------------------------------------------------------------------------
-- The answered measure sets. A unique key must hold the partition key, so "one answer per request" is kept by tying
-- the answer to its request's answered_at (set once, in the same transaction): (request_id, answered_at) is unique
-- here and must equal the request's own (id, answered_at), so a second answer to one request cannot exist.
alter table measure_request add constraint measure_request_answer_uk unique (id, answered_at);

alter table measure_alert drop constraint measure_alert_response_id_fkey;
alter table measure_response rename to measure_response_single;
alter index measure_response_pkey rename to measure_response_single_pkey;
alter index measure_response_intake_uk rename to measure_response_single_intake_uk;
alter index measure_response_intake_ix rename to measure_response_single_intake_ix;
alter table measure_response_single rename constraint measure_response_request_uk to measure_response_single_request_uk;

create table measure_response (
    id           bigint generated always as identity,
    intake_id    bigint       not null,
    request_id   bigint,
    source       varchar(8)   not null,
    answered_at  timestamptz  not null,
    versions     varchar(200) not null,
    answers      jsonb        not null,
    phq9         smallint,
    gad7         smallint,
    csi4         smallint,
    feelings     smallint,
    risk         boolean      not null,
    constraint measure_response_pkey primary key (id, answered_at),
    constraint measure_response_source_ck check (source in ('INTAKE', 'CLIENT')),
    constraint measure_response_request_ck check ((source = 'CLIENT') = (request_id is not null)),
    constraint measure_response_answers_ck check (jsonb_typeof(answers) = 'object'),
    constraint measure_response_phq9_ck check (phq9 between 0 and 27),
    constraint measure_response_gad7_ck check (gad7 between 0 and 21),
    constraint measure_response_csi4_ck check (csi4 between 0 and 21),
    constraint measure_response_feelings_ck check (feelings between 0 and 15)
) partition by range (answered_at);
create table measure_response_default partition of measure_response default;

select ensure_month_partitions('measure_response',
        (select (min(answered_at) at time zone 'Europe/London')::date from measure_response_single),
        month_span((select min(answered_at) from measure_response_single)));

insert into measure_response (id, intake_id, request_id, source, answered_at, versions, answers, phq9, gad7, csi4,
                              feelings, risk) overriding system value
select id, intake_id, request_id, source, answered_at, versions, answers, phq9, gad7, csi4, feelings, risk
  from measure_response_single;

do $$
begin
    execute format('alter table measure_response alter column id restart with %s',
                   (select coalesce(max(id), 0) + 1 from measure_response_single));
end $$;
drop table measure_response_single;

alter table measure_response add constraint measure_response_intake_id_fkey foreign key (intake_id)
    references intake (id);
alter table measure_response add constraint measure_response_request_id_fkey foreign key (request_id)
    references measure_request (id);
alter table measure_response add constraint measure_response_request_uk unique (request_id, answered_at);
alter table measure_response add constraint measure_response_request_answer_fk foreign key (request_id, answered_at)
    references measure_request (id, answered_at) deferrable initially deferred;
-- The intake's own set is stored once: its time is always the intake's submission, so (intake, time) is the key.
create unique index measure_response_intake_uk on measure_response (intake_id, answered_at) where source = 'INTAKE';
create index measure_response_intake_ix on measure_response (intake_id, answered_at);

-- An alert names the answer it came from by the answer's whole key; a writer that gives only the id gets the time
-- looked up (alerts are rare: risk answers only).
alter table measure_alert add column response_answered_at timestamptz;
update measure_alert a set response_answered_at = r.answered_at from measure_response r where r.id = a.response_id;
alter table measure_alert alter column response_answered_at set not null;
alter table measure_alert add constraint measure_alert_response_fk foreign key (response_id, response_answered_at)
    references measure_response (id, answered_at);

create function measure_alert_response_time() returns trigger language plpgsql as $$
begin
    if new.response_answered_at is null then
        select r.answered_at into new.response_answered_at from measure_response r where r.id = new.response_id;
    end if;
    return new;
end $$;
create trigger measure_alert_response_time before insert on measure_alert
    for each row execute function measure_alert_response_time();
