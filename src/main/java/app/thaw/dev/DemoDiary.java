package app.thaw.dev;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.base.ids.AppointmentId;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoForm;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.RequestedType;
import app.thaw.scheduling.DemoDiarySeeding;
import app.thaw.scheduling.SessionFormat;

/**
 * Rooms, the demo therapists' weeks and a handful of first sessions for local runs: Amira reviewed and referred each
 * of those clients the day after they wrote, and booked them then; the first of them asked to rearrange.
 */
@Component
@Profile("dev")
class DemoDiary {

    private static final int BOOKED = 4;
    private static final String REARRANGE = "I've started a new job with early shifts. Could we find a time later in the "
            + "week, after 3pm?";

    private final DemoDiarySeeding diary;
    private final CaseAccess access;
    private final DemoReview review;
    private final TransactionTemplate transaction;
    private final ClientStatusService statusPages;
    private final Clock clock;

    DemoDiary(DemoDiarySeeding diary, CaseAccess access, DemoReview review, PlatformTransactionManager transactions,
              ClientStatusService statusPages, Clock clock) {
        this.statusPages = statusPages;
        this.diary = diary;
        this.access = access;
        this.review = review;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Steps: the practice's rooms and weeks before any form came in, then a first session for each of the first
     * routine clients of the last three weeks who asked for individual work. Returns their forms.
     */
    List<DemoForm> plan(DemoTimeline timeline, DemoStaff staff, List<DemoForm> forms, DemoIntakes.Sent sent) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        List<Long> rooms = new ArrayList<>();
        timeline.at(forms.stream().map(DemoForm::at).min(Instant::compareTo).orElse(now).minus(Duration.ofDays(7)),
                () -> transaction.executeWithoutResult(status -> rooms.addAll(practice(staff, today))));
        List<DemoForm> routine = forms.stream().filter(f -> f.index() >= DemoIntakes.IN_THERAPY && f.routineAlone()
                && f.requestedType() == RequestedType.INDIVIDUAL).limit(BOOKED).toList();
        LocalDate monday = today.plusDays(8 - today.getDayOfWeek().getValue());
        for (int i = 0; i < routine.size(); i++) {
            DemoForm form = routine.get(i);
            Instant nextDay = form.at().plus(Duration.ofDays(1));
            ZonedDateTime start = ZonedDateTime.of(monday.plusDays(i), LocalTime.of(10 + i, 0),
                    Application.PRACTICE_ZONE);
            int room = i % 3;
            Instant booked = nextDay.isBefore(now) ? nextDay : now.minus(Duration.ofMinutes(5));
            long[] session = new long[1];
            timeline.at(booked, () -> {
                long intake = sent.intakeId(form);
                review.refer("amira", intake, null, false, referred -> { });
                session[0] = Objects.requireNonNull(transaction.execute(status -> diary.addSession(
                        List.of(access.require(intake, CaseOperation.BOOK_SESSION)), staff.amira(), rooms.get(room),
                        "INDIVIDUAL", SessionFormat.IN_PERSON, start.toInstant(), start.plusMinutes(50).toInstant(),
                        clock.instant(), false)));
            });
            if (i == 0) {
                // the first of them asks, from their status page, for another time: Client requests has one to show
                Instant halfADayLater = booked.plus(Duration.ofHours(12));
                timeline.at(halfADayLater.isBefore(now) ? halfADayLater : now.minus(Duration.ofMinutes(2)), () ->
                        statusPages.requestAppointmentChange(sent.statusToken(form), AppointmentId.of(session[0]),
                                false, REARRANGE));
            }
        }
        return routine;
    }

    private List<Long> practice(DemoStaff staff, LocalDate today) {
        List<Long> rooms = List.of(diary.addRoom("Room 1 · Ancoats"), diary.addRoom("Room 2 · Garden room"),
                diary.addRoom("Room 3 · Quiet room"));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            diary.addHours(staff.amira(), day, LocalTime.of(9, 0), LocalTime.of(17, 0));
            diary.addHours(staff.grace(), day, LocalTime.of(10, 0), LocalTime.of(18, 0));
        }
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
            diary.addHours(staff.tom(), day, LocalTime.of(12, 0), LocalTime.of(20, 0));
        }
        diary.addHours(staff.tom(), DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0));
        diary.addAnnualLeave(staff.grace(), today.plusDays(10), today.plusDays(14));
        return rooms;
    }
}
