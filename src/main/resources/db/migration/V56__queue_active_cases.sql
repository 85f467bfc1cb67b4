-- The queue's default view is now every case still in the practice's hands (issue 15: a referred, waiting, scheduled
-- or in-therapy case stays in its therapist's list); only ended and closed cases are behind the status filter. The
-- open-cases partial indexes of V15/V17 cover that set instead of the three intake statuses they covered before.
drop index intake_open_queue_ix;
drop index intake_unassigned_open_queue_ix;
drop index intake_assignee_open_queue_ix;
drop index intake_open_name_search_ix;

create index intake_open_queue_ix on intake (queue_rank, submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER', 'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY');
create index intake_unassigned_open_queue_ix on intake (queue_rank, submitted_at, id)
    where queue_assignee_id is null
      and status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER', 'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY');
create index intake_assignee_open_queue_ix on intake (queue_assignee_id, queue_rank, submitted_at, id)
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER', 'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY');
create index intake_open_name_search_ix on intake using gin (to_tsvector('simple', full_name))
    where status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER', 'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY');
