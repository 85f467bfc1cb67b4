-- Issue 15: the practice's details, notice period and reminder times, kept by the practice manager in the app rather
-- than in server configuration. One row; a column left NULL falls back to the configured default (thaw.practice.*,
-- thaw.scheduling.*, thaw.mail.*). Every change is audited.
create table practice_details (
    id                   smallint     primary key default 1,
    name                 varchar(120),
    address_lines        varchar(400),
    phone                varchar(32),
    email                varchar(254),
    mail_from            varchar(254),
    email_signature      varchar(600),
    client_notice_hours  integer,
    reminder_hours       varchar(40),
    updated_at           timestamptz,
    updated_by           bigint references staff_account (id),
    constraint practice_details_single_ck check (id = 1),
    constraint practice_details_notice_ck check (client_notice_hours is null or client_notice_hours between 0 and 336),
    constraint practice_details_reminders_ck check (reminder_hours is null or reminder_hours ~ '^[0-9]{1,3}(,[0-9]{1,3}){0,2}$'),
    constraint practice_details_name_ck check (name is null or length(trim(name)) > 0)
);

insert into practice_details (id) values (1);
