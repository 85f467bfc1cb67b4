-- Rooms and kinds of session are picked by name, so no two may look the same: names are kept with single spaces and
-- compared whatever their case ("QA  Test Room", "qa test room" and "QA Test Room" are one name).
alter table room drop constraint room_name_uk;
alter table appointment_type drop constraint appointment_type_label_uk;
update room set name = btrim(regexp_replace(name, '[[:space:]]+', ' ', 'g'))
 where name <> btrim(regexp_replace(name, '[[:space:]]+', ' ', 'g'));
update appointment_type set label = btrim(regexp_replace(label, '[[:space:]]+', ' ', 'g'))
 where label <> btrim(regexp_replace(label, '[[:space:]]+', ' ', 'g'));

-- Names that already clash keep their rows (sessions point at them) and become distinct: the first in use keeps the
-- name, the others get " (2)", " (3)"…, which the practice manager sees and can act on (take a room out of use,
-- rename a kind of session).
do $$
declare
    clash record;
    n int;
    candidate text;
begin
    for clash in
        select id, name, row_number() over (partition by lower(name) order by active desc, id) as rank
          from room order by id
    loop
        continue when clash.rank = 1;
        n := 2;
        loop
            candidate := left(clash.name, 80 - length(' (' || n || ')')) || ' (' || n || ')';
            exit when not exists (select 1 from room where lower(name) = lower(candidate));
            n := n + 1;
        end loop;
        update room set name = candidate where id = clash.id;
    end loop;
    for clash in
        select id, label as name, row_number() over (partition by lower(label) order by active desc, id) as rank
          from appointment_type order by id
    loop
        continue when clash.rank = 1;
        n := 2;
        loop
            candidate := left(clash.name, 80 - length(' (' || n || ')')) || ' (' || n || ')';
            exit when not exists (select 1 from appointment_type where lower(label) = lower(candidate));
            n := n + 1;
        end loop;
        update appointment_type set label = candidate where id = clash.id;
    end loop;
end
$$;

create unique index room_name_uk on room (lower(name));
create unique index appointment_type_label_uk on appointment_type (lower(label));

-- A therapist's usual week: blocks of one day may not overlap (they may meet, 09:00–12:00 then 12:00–17:00), so
-- removing a block always frees its hours. Blocks that already overlap become one block of the hours they cover
-- together, which is what the diary and the utilisation report already counted.
create type time_of_day_range as range (subtype = time);

with ordered as (
    select id, therapist_id, day_of_week, starts, ends,
           max(ends) over (partition by therapist_id, day_of_week order by starts, ends, id
                           rows between unbounded preceding and 1 preceding) as reached
      from working_hours
), islands as (
    select *, count(*) filter (where reached is null or starts >= reached)
                  over (partition by therapist_id, day_of_week order by starts, ends, id) as island
      from ordered
), merged as (
    select min(id) as kept, array_agg(id) as ids, min(starts) as starts, max(ends) as ends
      from islands group by therapist_id, day_of_week, island having count(*) > 1
), widened as (
    update working_hours h set starts = m.starts, ends = m.ends from merged m where h.id = m.kept
)
delete from working_hours h using merged m where h.id = any (m.ids) and h.id <> m.kept;

alter table working_hours add constraint working_hours_overlap_ex exclude using gist (
    therapist_id with =, day_of_week with =, time_of_day_range(starts, ends) with &&);
