-- Erasing a client (on request or by retention) also marks what staff wrote on their access requests about why one
-- was extended or withdrawn: it may name the client. Months, dates and statuses stay; the audit lines no longer copy
-- these reasons (they are read from the request), so the marker is the only trace left.
create or replace function subject_access_erase() returns trigger language plpgsql as $$
begin
    update subject_access_withheld w set item_title = null, reason = null
      from subject_access_request r
     where r.id = w.request_id and r.intake_id = new.intake_id;
    update subject_access_request
       set extension_reason = case when extension_reason is not null then '[erased]' end,
           withdrawal_reason = case when withdrawal_reason is not null then '[erased]' end,
           version = version + 1
     where intake_id = new.intake_id and (extension_reason is not null or withdrawal_reason is not null);
    return new;
end $$;
