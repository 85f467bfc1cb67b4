-- A claim on the diary is known by what owns it, a session or a held time (each unique): nothing reads the identity
-- column, yet every booking drew a sequence number and wrote it to a B-tree (206 MB at 9.6 M sessions). And the
-- held time's unique key indexed a null for every session (90 MB); only held times need it.
alter table diary_claim drop constraint diary_claim_pkey;
alter table diary_claim drop column id;
alter table diary_claim drop constraint diary_claim_held_slot_uk;
create unique index diary_claim_held_slot_uk on diary_claim (held_slot_id) where held_slot_id is not null;
