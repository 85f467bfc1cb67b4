package app.thaw.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionFormat;

/** A session changes only while it is booked, whichever path the change comes by. */
class AppointmentTest {

    private static final Instant START = Instant.parse("2027-06-07T12:00:00Z");
    private static final Instant LATER = Instant.parse("2027-06-07T14:00:00Z");

    private static Appointment booked() {
        return new Appointment(1L, null, 7L, 3L, 1L, SessionFormat.IN_PERSON, START, START.plusSeconds(3000), null,
                START.minusSeconds(86_400), 2L);
    }

    private static Appointment cancelled() {
        Appointment session = booked();
        session.cancel(false, "Therapist unwell", 2L, START.minusSeconds(3600));
        return session;
    }

    @Test
    void aBookedSessionMovesGoesToAnotherTherapistAndIsCancelledAndEachBumpsTheCalendarSequence() {
        Appointment session = booked();
        session.moveTo(LATER, LATER.plusSeconds(3000), 4L);
        session.giveTo(8L);
        session.cancel(true, "Asked by phone", 2L, START.minusSeconds(60));

        assertThat(session.getStartsAt()).isEqualTo(LATER);
        assertThat(session.getRoomId()).isEqualTo(4L);
        assertThat(session.getTherapistId()).isEqualTo(8L);
        assertThat(session.getState()).isEqualTo(AppointmentState.CANCELLED);
        assertThat(session.getSequence()).isEqualTo(3);
    }

    @Test
    void aCancelledSessionIsNeitherMovedNorGivenNorCancelledAgainNorGivenAnOutcome() {
        Appointment session = cancelled();

        assertThatThrownBy(() -> session.moveTo(LATER, LATER.plusSeconds(3000), 4L))
                .isInstanceOf(IllegalStateException.class).hasMessage("Only a booked session can be moved.");
        assertThatThrownBy(() -> session.giveTo(8L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Only a booked session can go to another therapist.");
        assertThatThrownBy(() -> session.cancel(false, "Again", 2L, START))
                .isInstanceOf(IllegalStateException.class).hasMessage("Only a booked session can be cancelled.");
        assertThatThrownBy(() -> session.markOutcome(AppointmentState.ATTENDED))
                .isInstanceOf(IllegalStateException.class);

        assertThat(session.getStartsAt()).isEqualTo(START);
        assertThat(session.getRoomId()).isEqualTo(3L);
        assertThat(session.getTherapistId()).isEqualTo(7L);
        assertThat(session.getCancelReason()).isEqualTo("Therapist unwell");
        assertThat(session.getSequence()).isEqualTo(1);
    }

    @Test
    void aSessionThatHappenedKeepsItsTimeAndItsOutcomeCanBeCorrected() {
        Appointment session = booked();
        session.markOutcome(AppointmentState.ATTENDED);

        assertThatThrownBy(() -> session.moveTo(LATER, LATER.plusSeconds(3000), 4L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.cancel(false, "Late", 2L, START))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.markOutcome(AppointmentState.BOOKED))
                .isInstanceOf(IllegalArgumentException.class);

        session.markOutcome(AppointmentState.NO_SHOW);
        assertThat(session.getState()).isEqualTo(AppointmentState.NO_SHOW);
        assertThat(session.getStartsAt()).isEqualTo(START);
    }
}
