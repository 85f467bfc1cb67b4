-- Issue 20: the queue's search reads an index range whatever the number of intakes (ADR 15). Each intake's name
-- words, every prefix of each word, and its email are rows of intake_search, beside the queue's sort keys and
-- visibility (copies of the intake row's, kept by a trigger in the same transaction as every change to it), so
-- "khan", "kha" or "amira k" in the queue's order is one range of an index, read up to the page's LIMIT. The
-- full-text test it replaces recomputed to_tsvector over every visible open case (7.4 ms at 1M intakes).

-- The words of a name as search sees them: accents off (Zoë finds Zoe), lower case in any script, split at anything
-- that is not a letter or digit. The query normalises what was typed through the same function.
create function queue_search_words(name text) returns text[] language sql immutable strict parallel safe
return array(select word
               from regexp_split_to_table(lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g')
                                                collate pg_c_utf8), '[^[:alnum:]]+') word
              where word <> '');

-- What one typed word is looked up as: its first 30 letters (the longest prefix stored).
create function queue_search_key(typed text) returns text language sql immutable strict parallel safe
return left((queue_search_words(typed))[1], 30);

-- An email as stored and as looked up: trimmed, lower case.
create function queue_search_email(email text) returns text language sql immutable strict parallel safe
return lower(btrim(email) collate pg_c_utf8);

-- Every term one intake is found by: each prefix of each name word (O'Brien also as "obrien"), and its email.
create function queue_search_terms(full_name text, email text) returns setof text language sql immutable
    parallel safe as $$
    select distinct left(word, n)
      from unnest(queue_search_words(full_name)
                  || queue_search_words(translate(full_name, '''’ʼ', ''))) word,
           generate_series(1, least(length(word), 30)) n
    union
    select queue_search_email(email) where email like '%@%'
$$;

create table intake_search (
    term         text        not null,
    intake_id    bigint      not null references intake (id) on delete cascade,
    -- the queue's default view: cases still in the practice's hands (QueueFilter.IN_HAND, as V56)
    in_hand      boolean     not null,
    -- intake.queue_assignee_id, 0 for unassigned, so both visibility sets are equality ranges
    assignee_key bigint      not null,
    queue_rank   smallint    not null,
    submitted_at timestamptz not null,
    constraint intake_search_pk primary key (intake_id, term)
);

create function intake_search_in_hand(status text) returns boolean language sql immutable strict parallel safe
return status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER', 'REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY');

insert into intake_search (term, intake_id, in_hand, assignee_key, queue_rank, submitted_at)
select term, i.id, intake_search_in_hand(i.status), coalesce(i.queue_assignee_id, 0), i.queue_rank, i.submitted_at
  from intake i
 cross join lateral queue_search_terms(i.full_name, i.email) term;

-- A name or email change (correction, erasure) rewrites the intake's terms; a change of status, assignee, rank or
-- date moves its terms with it.
create function intake_search_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.full_name is distinct from old.full_name or new.email is distinct from old.email then
        if tg_op = 'UPDATE' then
            delete from intake_search where intake_id = new.id;
        end if;
        insert into intake_search (term, intake_id, in_hand, assignee_key, queue_rank, submitted_at)
        select term, new.id, intake_search_in_hand(new.status), coalesce(new.queue_assignee_id, 0), new.queue_rank,
               new.submitted_at
          from queue_search_terms(new.full_name, new.email) term;
    elsif intake_search_in_hand(new.status) is distinct from intake_search_in_hand(old.status)
            or new.queue_assignee_id is distinct from old.queue_assignee_id
            or new.queue_rank is distinct from old.queue_rank or new.submitted_at is distinct from old.submitted_at then
        update intake_search
           set in_hand = intake_search_in_hand(new.status), assignee_key = coalesce(new.queue_assignee_id, 0),
               queue_rank = new.queue_rank, submitted_at = new.submitted_at
         where intake_id = new.id;
    end if;
    return null;
end $$;

create trigger intake_search_sync after insert or update of full_name, email, status, queue_assignee_id, queue_rank,
    submitted_at on intake for each row execute function intake_search_sync();

-- One range per visibility set in the queue's urgent-first order (ADR 3): a therapist's two sets (unassigned = 0,
-- their own), or every case for a practice manager; the default view (cases in hand) again has its own.
create index intake_search_visible_ix on intake_search (term, assignee_key, queue_rank, submitted_at, intake_id);
create index intake_search_visible_in_hand_ix on intake_search (term, assignee_key, queue_rank, submitted_at, intake_id)
    where in_hand;
create index intake_search_all_ix on intake_search (term, queue_rank, submitted_at, intake_id);
create index intake_search_all_in_hand_ix on intake_search (term, queue_rank, submitted_at, intake_id) where in_hand;

-- The full-text index the search no longer reads.
drop index intake_open_name_search_ix;

analyze intake_search;
