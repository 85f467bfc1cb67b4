package app.thaw.dev;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.RequestedType;
import app.thaw.scheduling.DemoDiarySeeding;
import app.thaw.scheduling.SessionFormat;

/** Rooms, the demo therapists' weeks and a handful of booked sessions for local runs. */
@Component
@Profile("dev")
class DemoDiary {

    private final DemoDiarySeeding diary;
    private final CaseAccess access;
    private final Clock clock;

    DemoDiary(DemoDiarySeeding diary, CaseAccess access, Clock clock) {
        this.diary = diary;
        this.access = access;
        this.clock = clock;
    }

    /** Runs as the system (DemoData). Returns the clients booked. */
    @Transactional
    List<DemoClient> create(DemoStaff staff, List<DemoClient> clients) {
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
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        diary.addAnnualLeave(staff.grace(), today.plusDays(10), today.plusDays(14));
        return bookDemoSessions(rooms, staff.amira(), today, clients);
    }

    /** A few individual sessions next week in Amira's diary for the first routine cases. */
    private List<DemoClient> bookDemoSessions(List<Long> rooms, long amira, LocalDate today, List<DemoClient> clients) {
        List<DemoClient> routine = clients.stream()
                .filter(c -> !c.urgent() && c.requestedType() == RequestedType.INDIVIDUAL).limit(4).toList();
        LocalDate monday = today.plusDays(8 - today.getDayOfWeek().getValue());
        for (int i = 0; i < routine.size(); i++) {
            ZonedDateTime start = ZonedDateTime.of(monday.plusDays(i), LocalTime.of(10 + i, 0),
                    Application.PRACTICE_ZONE);
            diary.addSession(List.of(access.require(routine.get(i).intakeId(), CaseOperation.BOOK_SESSION)), amira,
                    rooms.get(i % 3), "INDIVIDUAL", SessionFormat.IN_PERSON, start.toInstant(),
                    start.plusMinutes(50).toInstant(), clock.instant(), false);
        }
        return routine;
    }
}
