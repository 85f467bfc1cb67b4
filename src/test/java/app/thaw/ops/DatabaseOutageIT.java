package app.thaw.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.TransactionException;

import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.TestDatabase;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * Issue 14 point 7: PostgreSQL goes away (every connection cut, the server frozen) and comes back while a client
 * sends a form and staff book. What was tried
 * during the outage fails cleanly (nothing half-saved: the form's draft and the diary are as they were); readiness
 * says DOWN so a proxy sends nobody; once PostgreSQL is back the same actions succeed, each exactly once, and the
 * app has recovered by itself. (What the person sees is {@code CalmErrorHandlerTest}.)
 */
@IntegrationTest
class DatabaseOutageIT {

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void onlyWithTheEmbeddedServer() {
        Assumptions.assumeTrue(TestDatabase.isEmbedded(), "needs the embedded PostgreSQL to stop and start it");
    }

    @AfterEach
    void postgresIsRunning() {
        try {
            jdbc.queryForObject("select 1", Integer.class);
        } catch (DataAccessException stillDown) {
            TestDatabase.startServer();
        }
    }

    @Test
    void submissionsAndBookingsDuringAnOutageFailCleanlyAndSucceedOnceAfterwardsWithoutARestart() throws Exception {
        var data = new ReviewTestData(intake, staff, jdbc);
        String name = "Outage " + UUID.randomUUID().toString().substring(0, 6);
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        String token = intake.startDraft(null, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, IntakeFixtures.completeAnswers(name).asMap(), "consent")).isTrue();
        long client = data.submit(IntakeFixtures.completeAnswers(name + " Booked")).id();
        long amira = jdbc.queryForObject("select id from staff_account where username = 'amira'", Long.class);
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2028, 1, 3).plusDays(ThreadLocalRandom.current()
                .nextInt(0, 300)), LocalTime.of(11, 0), Application.PRACTICE_ZONE);
        // booked anyway: the outage is the point, not whichever bank holiday or day off the random date falls on
        var booking = new BookingRequest(client, null, amira, type, SessionFormat.ONLINE, null, start, null,
                "Booked through a database outage");

        TestDatabase.stopServer();
        try {
            assertThatThrownBy(() -> intake.submit(token, address, false))
                    .isInstanceOfAny(DataAccessException.class, TransactionException.class);
            assertThatThrownBy(() -> data.as("admin", () -> scheduling.book(booking)))
                    .isInstanceOfAny(DataAccessException.class, TransactionException.class);
            assertThat(readiness()).isEqualTo(503);
        } finally {
            TestDatabase.startServer();
        }

        // no restart of the app: the next tries work, once each
        assertThat(intake.submit(token, address, false)).isInstanceOf(SubmissionOutcome.Submitted.class);
        assertThat(intake.submit(token, address, false)).isInstanceOf(SubmissionOutcome.AlreadySubmitted.class);
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = ?", Integer.class, name))
                .isOne();
        assertThat(data.as("admin", () -> scheduling.book(booking))).isInstanceOf(BookingResult.Booked.class);
        assertThat(data.as("admin", () -> scheduling.book(booking))).isInstanceOf(BookingResult.Conflict.class);
        assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and starts_at = ?",
                Integer.class, amira, java.sql.Timestamp.from(start.toInstant()))).isOne();
        assertThat(readiness()).isEqualTo(200);
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
