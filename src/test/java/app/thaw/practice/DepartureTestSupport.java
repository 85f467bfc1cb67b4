package app.thaw.practice;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * What the tests of a therapist leaving or taking another role share: the services they drive, a new therapist of
 * their own, and what became of that therapist's account.
 */
abstract class DepartureTestSupport {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    StaffAdministration team;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    HandoverService handover;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void departureTestData() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    /** A therapist invited for this test alone, named {@code name} and a unique word. */
    long newTherapist(String name) {
        return week.therapist(name + " " + ReviewTestData.uniqueWord());
    }

    /** The practice manager does it; for work run on a thread of its own, which must return something. */
    Void asAdmin(Runnable work) {
        data.as("admin", work);
        return null;
    }

    Void deactivated(long therapist) {
        return asAdmin(() -> handover.deactivate(StaffId.of(therapist)));
    }

    boolean active(long staffId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select active from staff_account where id = ?", Boolean.class,
                staffId));
    }

    String role(long staffId) {
        return jdbc.queryForObject("select role from staff_account where id = ?", String.class, staffId);
    }
}
