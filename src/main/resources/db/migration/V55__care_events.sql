-- Issue 15: a case's status follows from what happened to it, not from a label someone sets. Every step of the
-- course of care is an event on the client's intake (both partners' where it concerns both); the status on the intake
-- row is the service's projection of those events, kept so the queue can keep reading one indexed table (ADR 3, 6).
alter table intake drop constraint intake_status_ck;
alter table intake add constraint intake_status_ck check (status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER',
    'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY', 'ENDED', 'CLOSED'));

create table care_event (
    id              bigint generated always as identity primary key,
    intake_id       bigint      not null references intake (id),
    kind            varchar(24) not null,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    actor_id        bigint references staff_account (id),
    appointment_id  bigint references appointment (id),
    treatment       boolean,
    outcome         varchar(16),
    referral_kind   varchar(30),
    constraint care_event_kind_ck check (kind in ('SUBMITTED', 'AWAITING_PARTNER', 'PARTNER_JOINED',
        'REVIEW_STARTED', 'REFERRED', 'WAITLISTED', 'SESSION_BOOKED', 'SESSION_CANCELLED', 'SESSION_ATTENDED',
        'SESSION_MISSED', 'THERAPY_ENDED', 'CASE_CLOSED', 'CASE_REOPENED')),
    constraint care_event_session_ck check ((kind like 'SESSION%') = (appointment_id is not null)),
    constraint care_event_outcome_ck check ((kind = 'THERAPY_ENDED') = (outcome is not null)
        and (outcome is null or outcome in ('COMPLETED', 'DROPPED_OUT', 'REFERRED_ON'))),
    constraint care_event_referral_ck check ((kind = 'REFERRED') = (referral_kind is not null))
);

create index care_event_intake_ix on care_event (intake_id, id);
create index care_event_kind_ix on care_event (kind, occurred_at);

create function care_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the course of care is a record: % of care_event is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger care_event_no_change before update or delete on care_event
    for each row execute function care_event_append_only();

-- What earlier versions knew, as events: the form arriving (and waiting for the partner), the first look, referral
-- decisions, every session and its outcome, and closure.
insert into care_event (intake_id, kind, occurred_at, recorded_at)
select id, 'SUBMITTED', submitted_at, submitted_at from intake;

insert into care_event (intake_id, kind, occurred_at, recorded_at)
select i.id, 'AWAITING_PARTNER', i.submitted_at, i.submitted_at from intake i
 where i.couple_case_id is not null
   and not exists (select 1 from intake p where p.couple_case_id = i.couple_case_id and p.id <> i.id
                    and p.submitted_at < i.submitted_at)
   and (i.status = 'AWAITING_PARTNER'
        or exists (select 1 from intake p where p.couple_case_id = i.couple_case_id and p.id <> i.id));

insert into care_event (intake_id, kind, occurred_at, recorded_at)
select i.id, 'PARTNER_JOINED', p.submitted_at, p.submitted_at from intake i
  join intake p on p.couple_case_id = i.couple_case_id and p.id <> i.id and p.submitted_at >= i.submitted_at;

insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id)
select i.id, 'REVIEW_STARTED', coalesce(a.occurred_at, i.submitted_at), coalesce(a.occurred_at, i.submitted_at),
       a.actor_id
  from intake i
  left join lateral (select e.occurred_at, e.actor_id from audit_entry e
                      where e.intake_id = i.id and e.action in ('CASE_OPENED', 'CASE_ASSIGNED')
                      order by e.occurred_at, e.id limit 1) a on true
 where i.status not in ('NEW', 'AWAITING_PARTNER')
    or exists (select 1 from review_case rc where rc.intake_id = i.id and rc.assigned_therapist_id is not null);

insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, referral_kind)
select intake_id, 'REFERRED', decided_at, decided_at, decided_by, kind from referral;

insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, appointment_id, treatment)
select c.id, 'SESSION_BOOKED', a.created_at, a.created_at, a.created_by, a.id, t.code <> 'ASSESSMENT'
  from appointment a join appointment_type t on t.id = a.type_id
  cross join lateral (values (a.intake_id), (a.partner_intake_id)) c (id)
 where c.id is not null;

insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, appointment_id, treatment)
select c.id, case a.state when 'CANCELLED' then 'SESSION_CANCELLED' when 'ATTENDED' then 'SESSION_ATTENDED'
                          else 'SESSION_MISSED' end,
       case when a.state = 'CANCELLED' then a.cancelled_at else a.starts_at end,
       case when a.state = 'CANCELLED' then a.cancelled_at else a.starts_at end,
       a.cancelled_by_staff_id, a.id, t.code <> 'ASSESSMENT'
  from appointment a join appointment_type t on t.id = a.type_id
  cross join lateral (values (a.intake_id), (a.partner_intake_id)) c (id)
 where c.id is not null and a.state <> 'BOOKED';

insert into care_event (intake_id, kind, occurred_at, recorded_at)
select id, 'CASE_CLOSED', closed_at, closed_at from intake where status = 'CLOSED';

-- The statuses that follow from those events (CaseLifecycle reads them the same way from now on).
update intake i set status = case
        when exists (select 1 from appointment a where (a.intake_id = i.id or a.partner_intake_id = i.id)
                        and a.state = 'ATTENDED') then 'IN_THERAPY'
        when exists (select 1 from appointment a where (a.intake_id = i.id or a.partner_intake_id = i.id)
                        and a.state = 'BOOKED') then 'SCHEDULED'
        when exists (select 1 from referral r where r.intake_id = i.id) then 'REFERRED'
        when exists (select 1 from care_event e where e.intake_id = i.id and e.kind = 'REVIEW_STARTED')
            then 'IN_REVIEW'
        else i.status end
 where i.status <> 'CLOSED';
