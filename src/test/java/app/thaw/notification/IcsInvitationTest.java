package app.thaw.notification;

import static app.thaw.notification.TestNotices.PRACTICE;
import static app.thaw.notification.TestNotices.london;
import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SeriesBooked;
import app.thaw.scheduling.SessionFormat;

/** A single session's invitation, written without the library, reads back in the library as what was meant. */
class IcsInvitationTest {

    private static final Instant STAMP = Instant.parse("2026-10-01T09:00:00Z");

    @Test
    void namesAndPlacesWithQuotesCommasSemicolonsAndAccentsReadBackAsTyped() {
        ZonedDateTime start = london("2026-11-03T10:00");
        var sam = recipient("Samantha \"Sam\" O'Neil-Łukasiewicz, Jr; née Brontë: the one who asked", "sam@example.org");
        var notice = new AppointmentNotice(4711, List.of(sam), start, start.plusMinutes(50), "Individual",
                SessionFormat.IN_PERSON, "Room 2", "Dr Zoë Ní Bhriain, PhD; Clinical Lead", 2, null);
        String place = "Room 2, 14 Albert Square; back door \\ the blue one\nManchester M2 5PF";

        String ics = IcsCalendars.invitation(IcsCalendars.REQUEST, notice, sam, place, PRACTICE, STAMP);

        ICalendar calendar = Biweekly.parse(ics).first();
        VEvent event = calendar.getEvents().getFirst();
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(event.getUid().getValue()).isEqualTo("appointment-4711@thaw");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start.toInstant());
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plusMinutes(50).toInstant());
        assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(STAMP);
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getSummary().getValue()).isEqualTo("Session with Dr Zoë Ní Bhriain, PhD; Clinical Lead");
        assertThat(event.getLocation().getValue()).isEqualTo(place);
        assertThat(event.getStatus().isConfirmed()).isTrue();
        assertThat(event.getUrl()).isNull();
        assertThat(event.getOrganizer().getCommonName()).isEqualTo(PRACTICE.name());
        assertThat(event.getOrganizer().getEmail()).isEqualTo("hello@thaw.example");
        // a parameter cannot carry a double quote: the name keeps single ones instead
        assertThat(event.getAttendees()).singleElement().satisfies(attendee -> {
            assertThat(attendee.getCommonName())
                    .isEqualTo("Samantha 'Sam' O'Neil-Łukasiewicz, Jr; née Brontë: the one who asked");
            assertThat(attendee.getEmail()).isEqualTo("sam@example.org");
            assertThat(attendee.getParticipationStatus().getValue()).isEqualTo("ACCEPTED");
            assertThat(attendee.getRsvp()).isFalse();
        });
        assertFolded(ics);
    }

    @Test
    void aCancelledOnlineSessionCarriesItsMeetingLinkAndNoOrganiserWithoutAPracticeEmail() {
        ZonedDateTime start = london("2027-03-28T09:30");
        var alex = recipient("Alex", "alex@example.org");
        var notice = new AppointmentNotice(12, List.of(alex), start, start.plusMinutes(50), "Individual",
                SessionFormat.ONLINE, null, "Tom Whitfield", 4, "https://meet.example.org/thaw/room-7?pwd=a,b;c");
        var noEmail = new app.thaw.base.PracticeProfile(PRACTICE.name(), PRACTICE.addressLines(), PRACTICE.phone(),
                " ");

        String ics = IcsCalendars.invitation(IcsCalendars.CANCEL, notice, alex, "Online", noEmail, STAMP);

        VEvent event = Biweekly.parse(ics).first().getEvents().getFirst();
        assertThat(ics).contains("METHOD:CANCEL\r\n", "DTSTART:20270328T083000Z\r\n");
        assertThat(event.getStatus().isCancelled()).isTrue();
        assertThat(event.getUrl().getValue()).isEqualTo("https://meet.example.org/thaw/room-7?pwd=a,b;c");
        assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.org/thaw/room-7?pwd=a,b;c");
        assertThat(event.getOrganizer()).isNull();
        assertFolded(ics);
    }

    @Test
    void aSeriesForAClientWhoseNameHasQuotesIsWrittenToo() {
        ZonedDateTime start = london("2026-10-12T10:00");
        UUID seriesId = UUID.randomUUID();
        var sam = recipient("Sam \"Sammy\" Taylor", "sam@example.org");
        var first = new AppointmentNotice(100, List.of(sam), start, start.plusMinutes(50), "Individual",
                SessionFormat.IN_PERSON, "Room 2", "Dr Amira Khan", 0, null,
                new AppointmentNotice.Occurrence(seriesId, start));
        var series = new SeriesBooked(seriesId, List.of(first), 1, List.of(start));

        String ics = IcsCalendars.series(series, sam, "Room 2", PRACTICE, STAMP);
        String one = IcsCalendars.invitation(IcsCalendars.REQUEST, first, sam, "Room 2", PRACTICE, STAMP);

        assertThat(Biweekly.parse(ics).first().getEvents().getFirst().getAttendees().getFirst().getCommonName())
                .isEqualTo("Sam 'Sammy' Taylor");
        assertThat(Biweekly.parse(one).first().getEvents().getFirst().getRecurrenceId()).isNotNull();
    }

    private static void assertFolded(String ics) {
        assertThat(ics).endsWith("\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }
}
