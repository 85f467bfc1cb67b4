-- An invitation or a password reset goes to the account's email address, so two active accounts sharing one mailbox
-- (in any case: Amira.Khan@ and amira.khan@ are one mailbox) would send one person's link to a colleague. Deactivated
-- accounts get no links and keep the address they had, so a leaver and whoever now has their address may both exist.
--
-- Active accounts that already share an address can't be told apart here (which of them owns it?), so the upgrade
-- stops and names them rather than guessing: deactivate the wrong one (Team › Deactivate) or correct its address,
-- then start Thaw again.
do $$
declare
    shared text;
begin
    select string_agg(format('%s (%s)', lower(email), names), '; ' order by lower(email)) into shared
      from (select email, string_agg(format('%s, username %s', display_name, username), ' and ' order by id) as names
              from (select id, lower(email) as email, display_name, username from staff_account where active) a
             group by email having count(*) > 1) d;
    if shared is not null then
        raise exception 'Thaw can''t upgrade: active staff accounts share an email address, so invitations and '
            'password resets would reach the wrong person: %. Deactivate one of each (Team › Deactivate) or give it '
            'its own address, then start Thaw again.', shared;
    end if;
end
$$;

create unique index staff_account_email_uk on staff_account (lower(email)) where active;
