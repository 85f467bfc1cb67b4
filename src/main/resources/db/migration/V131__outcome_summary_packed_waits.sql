-- Issue 16, speed: each summary row carries its own waits (finished courses), packed as (days waited: smallint,
-- courses: integer) pairs in order of days, so the report reads one row per month, therapist and service and merges
-- the waits of each period in memory, instead of summing and ranking thousands of outcome_wait rows. outcome_wait
-- stays the record written as courses end; a trigger keeps the packed copy equal to it, whoever writes it (an
-- instance of the previous version still finishing while this one starts included).
alter table outcome_summary add column waits bytea not null default ''::bytea;

create function outcome_waits_packed(p_month date, p_therapist bigint, p_service varchar) returns bytea
    language sql stable as $$
    select coalesce(string_agg(int2send(wait_days) || int4send(courses), ''::bytea order by wait_days), ''::bytea)
      from outcome_wait where month = p_month and therapist_id = p_therapist and service_type = p_service
$$;

create function outcome_wait_packs() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'UPDATE' and (old.month, old.therapist_id, old.service_type)
                                                  is distinct from (new.month, new.therapist_id, new.service_type) then
        update outcome_summary set waits = outcome_waits_packed(old.month, old.therapist_id, old.service_type)
         where month = old.month and therapist_id = old.therapist_id and service_type = old.service_type;
    end if;
    if tg_op <> 'DELETE' then
        update outcome_summary set waits = outcome_waits_packed(new.month, new.therapist_id, new.service_type)
         where month = new.month and therapist_id = new.therapist_id and service_type = new.service_type;
    end if;
    return null;
end $$;

create trigger outcome_wait_packs after insert or update or delete on outcome_wait
    for each row execute function outcome_wait_packs();

update outcome_summary s set waits = p.packed
  from (select month, therapist_id, service_type,
               string_agg(int2send(wait_days) || int4send(courses), ''::bytea order by wait_days) as packed
          from outcome_wait group by month, therapist_id, service_type) p
 where s.month = p.month and s.therapist_id = p.therapist_id and s.service_type = p.service_type;
