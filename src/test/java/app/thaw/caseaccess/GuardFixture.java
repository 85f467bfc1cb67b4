package app.thaw.caseaccess;

import static app.thaw.intake.IntakeFixtures.couplesAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientStatusService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * One couple's case as the guard needs it: assigned to Amira (the case's therapist), a session with her to come, and
 * an open request from the client on it. Tom is the colleague; Priya the practice manager.
 */
record GuardFixture(String clientName, long intakeId, String reference, String statusToken, long partnerIntakeId,
                    long appointmentId, long requestId) {

    static final String THERAPIST = "amira";
    static final String COLLEAGUE = "tom";
    static final String MANAGER = "admin";

    static GuardFixture create(ReviewTestData data, ClientStatusService clientStatus, CaseAssignments assignments,
                               SchedulingService scheduling, JdbcTemplate jdbc) {
        String name = ReviewTestData.uniqueWord() + " Guarded";
        var client = data.submit(couplesAnswers(name));
        var partner = data.submitPartner(client.receipt().partnerInvitationToken(),
                couplesAnswers(ReviewTestData.uniqueWord() + " Partnered"));
        data.as(THERAPIST, () -> assignments.assignToMe(IntakeId.of(client.id())));
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        BookingResult booked = null;
        // a random time years ahead; another test's session there only means trying the next one
        for (int attempt = 0; attempt < 5 && !(booked instanceof BookingResult.Booked); attempt++) {
            booked = data.as(MANAGER, () -> scheduling.book(new BookingRequest(client.id(), null,
                    data.idOf(THERAPIST), individual, SessionFormat.ONLINE, null, farFuture(), null)));
        }
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);
        long appointmentId = ((BookingResult.Booked) booked).session().id();
        clientStatus.requestAppointmentChange(client.receipt().statusToken(), AppointmentId.of(appointmentId), false,
                "Guard test: could we move it?");
        long requestId = jdbc.queryForObject("select max(id) from appointment_request where appointment_id = ?",
                Long.class, appointmentId);
        return new GuardFixture(name, client.id(), client.reference(), client.receipt().statusToken(), partner.id(),
                appointmentId, requestId);
    }

    /** A weekday hour years ahead, different on every call, so bookings made by the guard never meet each other. */
    static ZonedDateTime farFuture() {
        return app.thaw.FreeTimes.next();
    }
}
