-- The public form's per-address token buckets, shared by every app instance: a script sending hundreds of forms
-- is slowed whichever instance the proxy hands it to.
create table intake_rate_limit (
    bucket_key  varchar(80)      primary key,
    tokens      double precision not null,
    updated_at  timestamptz      not null
);
create index intake_rate_limit_updated_ix on intake_rate_limit (updated_at);
