-- A therapist who left or changed role before departures turned their diary link off keeps no link to it.
delete from calendar_feed
 where therapist_id in (select id from staff_account where not active or role <> 'THERAPIST');
