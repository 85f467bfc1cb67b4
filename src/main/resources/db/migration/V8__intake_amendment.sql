-- Corrections to a submitted intake (a new phone number, a mistyped date), dated and signed; the answers
-- as submitted never change, and corrections themselves are never edited or deleted.
create table intake_amendment (
    id           bigint generated always as identity primary key,
    intake_id    bigint       not null references intake (id),
    item_id      varchar(64)  not null,
    answer       jsonb        not null,
    reason       varchar(500) not null,
    amended_by   bigint       not null references staff_account (id),
    amended_at   timestamptz  not null,
    constraint intake_amendment_reason_ck check (length(trim(reason)) > 0),
    constraint intake_amendment_answer_ck check (jsonb_typeof(answer) = 'array')
);

create index intake_amendment_intake_ix on intake_amendment (intake_id, amended_at);

create function intake_amendment_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'amendments are append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger intake_amendment_no_change before update or delete on intake_amendment
    for each row execute function intake_amendment_append_only();
