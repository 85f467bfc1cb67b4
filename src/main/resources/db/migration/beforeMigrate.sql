-- Thaw's statements use PostgreSQL 18 (RETURNING old.*, among others): an older server is refused before any
-- migration runs, with a sentence instead of a syntax error in the middle of a booking.
do $$
begin
    if current_setting('server_version_num')::int < 180000 then
        raise exception 'Thaw needs PostgreSQL 18 or newer; this server is %', current_setting('server_version');
    end if;
end
$$;
