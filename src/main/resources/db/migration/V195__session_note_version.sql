-- A session note's version, counted up by every save: a save from a form opened at an older version (a second tab, an
-- idle sign-out keeping a draft) is refused instead of overwriting the newer clinical text.
alter table session_note add column version bigint not null default 0,
    add constraint session_note_version_ck check (version >= 0);
