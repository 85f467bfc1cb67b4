-- Issue 16, speed: the median waits of the practice's results come from one row per month, therapist, service and
-- day waited (finished courses only), summed and ranked in SQL for the months asked, instead of decoding a 366-day
-- histogram on every summary row. outcome_summary.wait_days is no longer written or read; it stays (with its
-- default) so an instance still running the previous version can finish while the new one starts.
create table outcome_wait (
    month         date        not null,
    therapist_id  bigint      not null,
    service_type  varchar(10) not null,
    wait_days     smallint    not null,
    courses       integer     not null,
    primary key (month, therapist_id, service_type, wait_days),
    constraint outcome_wait_days_ck check (wait_days between 0 and 365),
    constraint outcome_wait_courses_ck check (courses > 0),
    constraint outcome_wait_service_ck check (service_type in ('INDIVIDUAL', 'COUPLES'))
);

insert into outcome_wait (month, therapist_id, service_type, wait_days, courses)
select s.month, s.therapist_id, s.service_type, d - 1, s.wait_days[d]
  from outcome_summary s, generate_series(1, 366) d
 where s.wait_days[d] > 0;
