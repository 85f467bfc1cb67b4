package app.thaw.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.thaw.IntegrationTest;
import app.thaw.TestDatabase;

/**
 * V196 and V197 on a practice's existing data: active accounts sharing a mailbox stop the upgrade with their names
 * (which one owns it can't be guessed); rooms and kinds of session whose names differ only in case or spacing keep
 * their rows under names told apart; overlapping blocks of a therapist's day become the hours they cover together.
 */
@IntegrationTest
class NamesAndHoursMigrationIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void existingSharedAddressesNearDuplicateNamesAndOverlappingHoursAreSettled() {
        var db = TestDatabase.get();
        String name = "thaw_names_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("create database " + name);
        try {
            String url = db.url().substring(0, db.url().lastIndexOf('/') + 1) + name;
            var source = new DriverManagerDataSource(url, db.username(), db.password());
            Flyway.configure().dataSource(source).locations("classpath:db/migration").target("194").load().migrate();
            var old = new JdbcTemplate(source);
            long amira = account(old, "amira", "amira.khan@thaw.example", true);
            long second = account(old, "qa-dupemail", "Amira.Khan@thaw.example", true);
            account(old, "leaver", "AMIRA.KHAN@thaw.example", false);
            old.update("insert into room (name, active) values ('QA Test Room', false), ('qa test room', true), "
                    + "('QA  Test Room', false), (' Garden\tRoom ', true)");
            old.update("insert into appointment_type (code, label, default_minutes, couples) "
                    + "values ('X1', 'individual  session', 50, false)");
            for (String[] block : new String[][] {{"1", "09:00", "17:30"}, {"1", "09:00", "17:30"},
                    {"1", "09:00", "17:00"}, {"2", "09:00", "12:00"}, {"2", "12:00", "17:00"}, {"3", "09:00", "11:00"},
                    {"3", "10:00", "13:00"}, {"3", "14:00", "16:00"}}) {
                old.update("insert into working_hours (therapist_id, day_of_week, starts, ends) "
                        + "values (?, ?, ?::time, ?::time)", amira, Integer.parseInt(block[0]), block[1], block[2]);
            }

            var stopped = catchThrowable(() -> Flyway.configure().dataSource(source)
                    .locations("classpath:db/migration").load().migrate());

            assertThat(stopped).hasMessageContaining("active staff accounts share an email address")
                    .hasMessageContaining("amira.khan@thaw.example (amira, username amira and qa-dupemail, "
                            + "username qa-dupemail)");
            old.update("update staff_account set active = false where id = ?", second);
            Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();

            assertThat(old.queryForList("select name from room order by id", String.class)).containsExactly(
                    "QA Test Room (2)", "qa test room", "QA Test Room (3)", "Garden Room");
            assertThat(old.queryForList("select label from appointment_type where code in ('INDIVIDUAL', 'X1') "
                    + "order by id", String.class)).containsExactly("Individual session", "individual session (2)");
            assertThat(old.queryForList("select day_of_week || ' ' || starts || '-' || ends from working_hours "
                    + "where therapist_id = ? order by day_of_week, starts", String.class, amira)).containsExactly(
                    "1 09:00:00-17:30:00", "2 09:00:00-12:00:00", "2 12:00:00-17:00:00", "3 09:00:00-13:00:00",
                    "3 14:00:00-16:00:00");
            assertThat(catchThrowable(() -> old.update("insert into working_hours (therapist_id, day_of_week, "
                    + "starts, ends) values (?, 3, '12:00', '14:30')", amira)))
                    .hasMessageContaining("working_hours_overlap_ex");
            assertThat(catchThrowable(() -> old.update("insert into room (name) values ('GARDEN ROOM')")))
                    .hasMessageContaining("room_name_uk");
        } finally {
            jdbc.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static long account(JdbcTemplate db, String username, String email, boolean active) {
        Long id = db.queryForObject("insert into staff_account (username, display_name, email, role, active, "
                + "created_at) values (?, ?, ?, 'THERAPIST', ?, now()) returning id", Long.class, username,
                username, email, active);
        return id == null ? 0 : id;
    }
}
