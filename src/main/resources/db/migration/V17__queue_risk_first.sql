-- The queue's safety order (issue 12): an urgent case whose risk no therapist has reviewed comes first, above urgent
-- cases already reviewed, then everything else; within each, whoever has waited longest. The rank is the queue's copy
-- of the review case's state on the intake row it scans (like queue_assignee_id, V15), kept by triggers in the same
-- transaction as every change to either row: 0 risk not yet reviewed, 1 urgent and reviewed, 2 routine.
alter table intake add column queue_rank smallint;

update intake i
   set queue_rank = case when not i.urgent then 2
                         when exists (select 1 from review_case rc
                                       where rc.intake_id = i.id and rc.risk_acknowledged_at is not null) then 1
                         else 0 end;

alter table intake alter column queue_rank set not null;
alter table intake add constraint intake_queue_rank_ck check (queue_rank between 0 and 2);

create function intake_queue_rank() returns trigger language plpgsql as $$
begin
    new.queue_rank := case when not new.urgent then 2
                           when exists (select 1 from review_case rc
                                         where rc.intake_id = new.id and rc.risk_acknowledged_at is not null) then 1
                           else 0 end;
    return new;
end $$;

create trigger intake_queue_rank before insert or update of urgent on intake
    for each row execute function intake_queue_rank();

create function review_case_queue_rank() returns trigger language plpgsql as $$
begin
    update intake set queue_rank = case when not urgent then 2 when new.risk_acknowledged_at is not null then 1
                                        else 0 end
     where id = new.intake_id
       and queue_rank is distinct from case when not urgent then 2 when new.risk_acknowledged_at is not null then 1
                                             else 0 end;
    return new;
end $$;

create trigger review_case_queue_rank after insert or update of risk_acknowledged_at on review_case
    for each row execute function review_case_queue_rank();

-- The urgency-first indexes of V14/V15 sorted by (not urgent); the same ranges now sort by the rank.
drop index intake_open_queue_ix;
drop index intake_urgency_queue_ix;
drop index intake_status_urgency_queue_ix;
drop index intake_unassigned_open_queue_ix;
drop index intake_unassigned_urgency_queue_ix;
drop index intake_assignee_open_queue_ix;
drop index intake_assignee_urgency_queue_ix;

create index intake_open_queue_ix on intake (queue_rank, submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_urgency_queue_ix on intake (queue_rank, submitted_at, id);
create index intake_status_urgency_queue_ix on intake (status, queue_rank, submitted_at, id);
create index intake_unassigned_open_queue_ix on intake (queue_rank, submitted_at, id)
    where queue_assignee_id is null and status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_unassigned_urgency_queue_ix on intake (queue_rank, submitted_at, id)
    where queue_assignee_id is null;
create index intake_assignee_open_queue_ix on intake (queue_assignee_id, queue_rank, submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_assignee_urgency_queue_ix on intake (queue_assignee_id, queue_rank, submitted_at, id);
