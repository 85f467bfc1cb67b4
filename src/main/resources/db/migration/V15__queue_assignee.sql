-- A therapist's queue holds the unassigned cases and their own (ADR 0003). With the assignee only in review_case,
-- PostgreSQL walked the intake queue indexes and looked up a review case per row to discard most of them (8,155
-- lookups for 50 rows at 1M intakes, docs/performance.md). The queue's copy of the assignee sits on the intake row
-- it scans, so each visibility set is its own index range; the review case stays the record, and this trigger keeps
-- the copy in the same transaction as every change to it.
alter table intake add column queue_assignee_id bigint;

update intake i
   set queue_assignee_id = rc.assigned_therapist_id
  from review_case rc
 where rc.intake_id = i.id and rc.assigned_therapist_id is not null;

create function review_case_queue_assignee() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        update intake set queue_assignee_id = null where id = old.intake_id and queue_assignee_id is not null;
        return old;
    end if;
    update intake set queue_assignee_id = new.assigned_therapist_id
     where id = new.intake_id and queue_assignee_id is distinct from new.assigned_therapist_id;
    return new;
end $$;

create trigger review_case_queue_assignee after insert or delete or update of assigned_therapist_id on review_case
    for each row execute function review_case_queue_assignee();

-- One index range per visibility set in each of the queue's orders: the unassigned cases (small partial indexes; a
-- partial index, unlike "assignee is null" as an index condition, is costed right by the planner) and one
-- therapist's. The open cases (the default view) again have their own, so years of closed cases are not walked first.
create index intake_unassigned_open_queue_ix on intake ((not urgent), submitted_at, id)
    where queue_assignee_id is null and status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_unassigned_urgency_queue_ix on intake ((not urgent), submitted_at, id)
    where queue_assignee_id is null;
create index intake_unassigned_submitted_queue_ix on intake (submitted_at, id) where queue_assignee_id is null;
create index intake_unassigned_name_queue_ix on intake (full_name, id) where queue_assignee_id is null;
create index intake_unassigned_reference_queue_ix on intake (reference, id) where queue_assignee_id is null;
create index intake_assignee_open_queue_ix on intake (queue_assignee_id, (not urgent), submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');
create index intake_assignee_urgency_queue_ix on intake (queue_assignee_id, (not urgent), submitted_at, id);
create index intake_assignee_submitted_queue_ix on intake (queue_assignee_id, submitted_at, id);
create index intake_assignee_name_queue_ix on intake (queue_assignee_id, full_name, id);
create index intake_assignee_reference_queue_ix on intake (queue_assignee_id, reference, id);

-- Name search in the open cases without intersecting every matching name in a million with every open case.
create index intake_open_name_search_ix on intake using gin (to_tsvector('simple', full_name))
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER');

-- Unassigned cases are nearly all open: without this the planner multiplies the two and expects 40 times too few.
create statistics intake_queue_assignee_status_st (mcv) on queue_assignee_id, status from intake;
