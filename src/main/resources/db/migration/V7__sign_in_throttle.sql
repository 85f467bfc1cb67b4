-- Failed sign-ins per account and per address, shared by every app instance, so guessing passwords
-- slows to a crawl whichever instance the attacker reaches.
create table sign_in_throttle (
    throttle_key    varchar(140) primary key,
    failures        integer      not null,
    window_started  timestamptz  not null,
    blocked_until   timestamptz
);
