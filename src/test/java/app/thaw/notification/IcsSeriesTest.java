package app.thaw.notification;

import static app.thaw.notification.TestNotices.PRACTICE;
import static app.thaw.notification.TestNotices.london;
import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SeriesBooked;

/** The series' one recurring event and the later change to one of its dates, as calendar apps read them. */
class IcsSeriesTest {

    private static final Instant STAMP = Instant.parse("2026-10-01T09:00:00Z");
    private static final UUID SERIES = UUID.fromString("6f1c2a7e-0000-4000-8000-000000000042");
    private static final AppointmentNotice.Recipient SAM = recipient("Sam", "sam@example.org");

    /** Six Mondays at 10:00 across October's clock change; the third clashed and was not booked. */
    private static SeriesBooked sixMondaysWithoutTheThird(int intervalWeeks) {
        List<ZonedDateTime> planned = new ArrayList<>();
        List<AppointmentNotice> booked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ZonedDateTime start = london("2026-10-12T10:00").plusWeeks((long) i * intervalWeeks);
            planned.add(start);
            if (i != 2) {
                booked.add(occurrenceOf(TestNotices.inPerson(100 + i, start, 0, SAM), start));
            }
        }
        return new SeriesBooked(SERIES, booked, intervalWeeks, planned);
    }

    private static AppointmentNotice occurrenceOf(AppointmentNotice n, ZonedDateTime original) {
        return new AppointmentNotice(n.appointmentId(), n.recipients(), n.start(), n.end(), n.sessionLabel(),
                n.format(), n.roomName(), n.therapistName(), n.sequence(), n.meetingLink(),
                new AppointmentNotice.Occurrence(SERIES, original));
    }

    private static String series(SeriesBooked series) {
        return IcsCalendars.series(series, SAM, "Room 2, 14 Albert Square", PRACTICE, STAMP);
    }

    @Test
    void aSeriesIsOneRecurringEventInUkTimeWithTheSkippedDateAsAnException() {
        String ics = series(sixMondaysWithoutTheThird(1));

        assertThat(ics).contains("UID:series-" + SERIES + "@thaw\r\n")
                .contains("DTSTART;TZID=Europe/London:20261012T100000\r\n")
                .contains("DTEND;TZID=Europe/London:20261012T112000\r\n")
                .contains("RRULE:FREQ=WEEKLY;COUNT=6;INTERVAL=1\r\n")
                .contains("EXDATE;TZID=Europe/London:20261026T100000\r\n")
                .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n")
                .contains("DTSTAMP:20261001T090000Z\r\n");
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getEvents()).hasSize(1);
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        TestNotices.assertNothingClinical(ics);
    }

    @Test
    void theRecurrenceExpandsToExactlyTheBookedSessionsAt10UkTimeOnBothSidesOfTheClockChange() {
        SeriesBooked series = sixMondaysWithoutTheThird(1);
        VEvent event = Biweekly.parse(series(series)).first().getEvents().getFirst();

        List<Instant> expanded = new ArrayList<>();
        DateIterator dates = event.getDateIterator(TimeZone.getTimeZone("Europe/London"));
        while (dates.hasNext()) {
            expanded.add(dates.next().toInstant());
        }

        assertThat(expanded).containsExactlyElementsOf(series.sessions().stream()
                .map(n -> n.start().toInstant()).toList());
        // 10:00 BST is 09:00Z before 25 October, 10:00 GMT is 10:00Z after it
        assertThat(expanded.getFirst()).isEqualTo(Instant.parse("2026-10-12T09:00:00Z"));
        assertThat(expanded.getLast()).isEqualTo(Instant.parse("2026-11-16T10:00:00Z"));
    }

    @Test
    void aFortnightlySeriesRecursEveryOtherWeek() {
        String ics = series(sixMondaysWithoutTheThird(2));

        assertThat(ics).contains("RRULE:FREQ=WEEKLY;COUNT=6;INTERVAL=2\r\n")
                .contains("EXDATE;TZID=Europe/London:20261109T100000\r\n");
    }

    @Test
    void theUidIsTheSeriesOwnForEveryClientAndEveryLaterChange() {
        SeriesBooked series = sixMondaysWithoutTheThird(1);
        var partner = recipient("Alex", "alex@example.org");
        String forSam = series(series);
        String forAlex = IcsCalendars.series(series, partner, "Room 2", PRACTICE, STAMP.plusSeconds(60));
        AppointmentNotice fourth = series.sessions().get(2);
        String moved = IcsCalendars.invitation(IcsCalendars.REQUEST, fourth, SAM, "Room 2", PRACTICE, STAMP);

        assertThat(List.of(forSam, forAlex, moved)).extracting(ics -> Biweekly.parse(ics).first().getEvents()
                .getFirst().getUid().getValue()).containsOnly("series-" + SERIES + "@thaw");
    }

    @Test
    void aMovedSessionOfTheSeriesReplacesItsOwnOccurrenceByItsPlannedStart() {
        ZonedDateTime planned = london("2026-11-02T10:00");
        ZonedDateTime moved = london("2026-11-04T15:30");
        var notice = new AppointmentNotice(104, List.of(SAM), moved, moved.plusMinutes(80), "x",
                app.thaw.scheduling.SessionFormat.IN_PERSON, "Room 2", "Dr Amira Khan", 1, null,
                new AppointmentNotice.Occurrence(SERIES, planned));

        String ics = IcsCalendars.invitation(IcsCalendars.REQUEST, notice, SAM, "Room 2", PRACTICE, STAMP);

        assertThat(ics).contains("UID:series-" + SERIES + "@thaw\r\n")
                .contains("RECURRENCE-ID;TZID=Europe/London:20261102T100000\r\n")
                .contains("DTSTART;TZID=Europe/London:20261104T153000\r\n")
                .contains("SEQUENCE:1\r\n")
                .contains("BEGIN:VTIMEZONE")
                .doesNotContain("RRULE:FREQ=WEEKLY");
        VEvent event = Biweekly.parse(ics).first().getEvents().getFirst();
        assertThat(event.getRecurrenceId().getValue().toInstant()).isEqualTo(planned.toInstant());
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(moved.toInstant());
    }

    @Test
    void aCancelledSessionOfTheSeriesCancelsJustItsOccurrence() {
        ZonedDateTime planned = london("2026-11-02T10:00");
        var notice = new AppointmentNotice(104, List.of(SAM), planned, planned.plusMinutes(80), "x",
                app.thaw.scheduling.SessionFormat.IN_PERSON, "Room 2", "Dr Amira Khan", 1, null,
                new AppointmentNotice.Occurrence(SERIES, planned));

        String ics = IcsCalendars.invitation(IcsCalendars.CANCEL, notice, SAM, "Room 2", PRACTICE, STAMP);

        assertThat(ics).contains("METHOD:CANCEL\r\n").contains("STATUS:CANCELLED\r\n")
                .contains("UID:series-" + SERIES + "@thaw\r\n")
                .contains("RECURRENCE-ID;TZID=Europe/London:20261102T100000\r\n");
    }

    @Test
    void aSessionOutsideAnySeriesKeepsItsOwnUidAndUtcTimes() {
        var notice = TestNotices.inPerson(4711, london("2026-11-03T10:00"), 2, SAM);

        String ics = IcsCalendars.invitation(IcsCalendars.REQUEST, notice, SAM, "Room 2", PRACTICE, STAMP);

        assertThat(ics).contains("UID:appointment-4711@thaw\r\n").contains("DTSTART:20261103T100000Z\r\n")
                .doesNotContain("RECURRENCE-ID").doesNotContain("VTIMEZONE");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacterAndUnfoldToTheSameText() {
        String name = "Zoë Ægidius-Łukasiewicz Øster-Ñúñez Ğüneş Þórunn Σοφία Дмитриевна 李小龍 Nguyễn";
        var client = recipient(name, "zoe.aegidius.lukasiewicz@example.org");
        SeriesBooked series = sixMondaysWithoutTheThird(1);

        String ics = IcsCalendars.series(series, client, "Room 2, 14 Albert Square, Manchester M2 5PF, "
                + "on the second floor, through the blue door", PRACTICE, STAMP);

        assertThat(ics).endsWith("\r\n").doesNotContain("\n\r").doesNotContainPattern("[^\r]\n");
        String[] lines = ics.split("\r\n");
        assertThat(Arrays.stream(lines).mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).max()
                .orElseThrow()).isLessThanOrEqualTo(75);
        assertThat(Arrays.stream(lines).filter(line -> line.startsWith(" ")).count()).isGreaterThan(1);
        assertThat(Arrays.stream(lines).anyMatch(line -> line.contains("\uFFFD"))).isFalse();
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains(name).contains("through the blue door");
        VEvent event = Biweekly.parse(ics).first().getEvents().getFirst();
        assertThat(event.getAttendees().getFirst().getCommonName()).isEqualTo(name);
    }
}
