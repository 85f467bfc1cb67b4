-- A couple waits in one place. When the place ended for one partner (their case closed, reopened or erased, or a
-- session booked for them alone), the other's case went on saying "waiting" with no place on the list. Such a case
-- now leaves the waiting list too, back to its referral (or its review) for a new decision.
alter table care_event drop constraint care_event_kind_ck;
alter table care_event add constraint care_event_kind_ck check (kind in ('SUBMITTED', 'AWAITING_PARTNER',
    'PARTNER_JOINED', 'REVIEW_STARTED', 'REFERRED', 'WAITLISTED', 'LEFT_WAITING_LIST', 'SESSION_BOOKED',
    'SESSION_CANCELLED', 'SESSION_ATTENDED', 'SESSION_MISSED', 'THERAPY_ENDED', 'CASE_CLOSED', 'CASE_REOPENED'));

-- the cases already left like that: the event says what happened, the status follows it as the service's fold would
with lone as (
    select i.id from intake i
     where i.status = 'WAITING'
       and not exists (select 1 from waitlist_entry w
                        where w.state = 'WAITING' and (w.intake_id = i.id or w.partner_intake_id = i.id))
), recorded as (
    insert into care_event (intake_id, kind, occurred_at, recorded_at)
    select id, 'LEFT_WAITING_LIST', now(), now() from lone
    returning intake_id
)
update intake i
   set status = case when exists (select 1 from care_event e
                                   where e.intake_id = i.id and e.kind = 'REFERRED'
                                     and e.id > coalesce((select max(r.id) from care_event r
                                                           where r.intake_id = i.id and r.kind = 'CASE_REOPENED'), 0))
                     then 'REFERRED' else 'IN_REVIEW' end
 where i.id in (select intake_id from recorded);
