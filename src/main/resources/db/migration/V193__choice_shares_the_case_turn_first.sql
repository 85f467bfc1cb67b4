-- A client's choice of an offered time shares its cases' turn (V179) before it locks their place on the waiting list,
-- as a closing takes it before it takes them off the list: one order, so the two wait for each other, never deadlock.
create function share_cases_with_booking(intakes bigint[]) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1667330917, (id % 2147483648)::int)
       from unnest(intakes) id
      where id is not null
      order by id;
end $$;
