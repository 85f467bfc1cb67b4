package app.thaw.notification;

import app.thaw.scheduling.TherapistSessions;
import static app.thaw.notification.TestNotices.PRACTICE;
import static app.thaw.notification.TestNotices.london;
import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.thaw.Application;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SessionFormat;

class IcsCalendarsTest {

    private static final Instant STAMP = Instant.parse("2026-10-01T09:00:00Z");
    private final EmailTemplates templates = new EmailTemplates(PRACTICE);

    @Test
    void bothOfOctobersRepeatedHalfPastOneParseBackToTheirOwnInstant() {
        // 25 October 2026: 01:30 happens twice in London, first in BST (00:30Z) and then in GMT (01:30Z)
        ZonedDateTime firstOneThirty = london("2026-10-25T01:30").withEarlierOffsetAtOverlap();
        ZonedDateTime secondOneThirty = firstOneThirty.withLaterOffsetAtOverlap();
        assertThat(firstOneThirty.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(secondOneThirty.toInstant()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));

        for (ZonedDateTime start : List.of(firstOneThirty, secondOneThirty)) {
            var notice = TestNotices.inPerson(4711, start, 3, recipient("Sam", "sam@example.org"));
            String ics = invitation(IcsCalendars.REQUEST, notice);

            VEvent event = onlyEvent(Biweekly.parse(ics).first());
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start.toInstant());
            assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plusMinutes(80).toInstant());
            assertThat(ZonedDateTime.ofInstant(event.getDateStart().getValue().toInstant(), Application.PRACTICE_ZONE))
                    .isEqualTo(start);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-28T10:00", "2026-03-29T10:00", "2026-07-01T18:15", "2026-10-26T09:00"})
    void summerAndWinterTimesAroundTheClockChangesKeepTheirInstant(String local) {
        ZonedDateTime start = london(local);
        String ics = invitation(IcsCalendars.REQUEST, TestNotices.inPerson(7, start, 0, recipient("Sam", "s@x.org")));

        VEvent event = onlyEvent(Biweekly.parse(ics).first());

        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start.toInstant());
        assertThat(event.getDateStart().getValue().hasTime()).isTrue();
    }

    @Test
    void anInvitationCarriesMethodUidSequenceNeutralSummaryAndPlace() {
        ZonedDateTime start = london("2026-11-03T10:00");
        var notice = TestNotices.inPerson(4711, start, 2, recipient("Sam", "sam@example.org"));
        String ics = invitation(IcsCalendars.REQUEST, notice);

        ICalendar calendar = Biweekly.parse(ics).first();
        VEvent event = onlyEvent(calendar);

        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(event.getUid().getValue()).isEqualTo("appointment-4711@thaw");
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getSummary().getValue()).isEqualTo("Session with Dr Amira Khan");
        assertThat(event.getLocation().getValue()).isEqualTo("Room 2, 14 Albert Square, Manchester M2 5PF");
        assertThat(event.getStatus().isConfirmed()).isTrue();
        assertThat(event.getOrganizer().getEmail()).isEqualTo("hello@thaw.example");
        assertThat(event.getAttendees()).singleElement()
                .satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo("sam@example.org"));
        assertThat(ics).contains("DTSTART:20261103T100000Z").doesNotContain(TestNotices.CLINICAL_LABEL);
        TestNotices.assertNothingClinical(ics);
    }

    @Test
    void aCancellationKeepsTheUidSoCalendarsRemoveTheSameEntry() {
        ZonedDateTime start = london("2026-11-03T10:00");
        var notice = TestNotices.online(4711, start, 3, recipient("Sam", "sam@example.org"));

        ICalendar calendar = Biweekly.parse(invitation(IcsCalendars.CANCEL, notice)).first();
        VEvent event = onlyEvent(calendar);

        assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(event.getUid().getValue()).isEqualTo("appointment-4711@thaw");
        assertThat(event.getSequence().getValue()).isEqualTo(3);
        assertThat(event.getStatus().isCancelled()).isTrue();
        assertThat(event.getLocation().getValue()).isEqualTo("Online");
    }

    @Test
    void theFeedShowsInitialsEvenWhenGivenFullNames() {
        var sessions = List.of(
                new TherapistSessions.Session(11, Instant.parse("2026-11-03T10:00:00Z"),
                        Instant.parse("2026-11-03T11:20:00Z"), "Couples session", SessionFormat.IN_PERSON, "Room 2",
                        List.of("Sam Taylor", "Alex Mary-Jones"), 1),
                new TherapistSessions.Session(12, Instant.parse("2026-11-04T10:00:00Z"),
                        Instant.parse("2026-11-04T10:50:00Z"), "Individual session", SessionFormat.ONLINE, null,
                        List.of("R.P."), 0));

        String ics = IcsCalendars.feed("Thaw sessions", sessions,
                session -> templates.place(session.format(), session.roomName()), STAMP);

        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getEvents()).extracting(event -> event.getSummary().getValue())
                .containsExactly("Couples session · S.T. & A.M.J.", "Individual session · R.P.");
        assertThat(calendar.getEvents()).extracting(event -> event.getUid().getValue())
                .containsExactly("appointment-11@thaw", "appointment-12@thaw");
        assertThat(calendar.getEvents().get(0).getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(ics).doesNotContain("Sam").doesNotContain("Taylor").doesNotContain("Alex").doesNotContain("Jones");
    }

    @Test
    void initialsOfNamesAndOfInitialsAreTheSame() {
        assertThat(IcsCalendars.initials("Sam Taylor")).isEqualTo("S.T.");
        assertThat(IcsCalendars.initials("S.T.")).isEqualTo("S.T.");
        assertThat(IcsCalendars.initials(" st ")).isEqualTo("S.");
        assertThat(IcsCalendars.initials("Siobhán O'Neill")).isEqualTo("S.O.");
        assertThat(IcsCalendars.initials("")).isEmpty();
    }

    @Test
    void anOnlineSessionCarriesItsMeetingLinkAsLocationAndUrlAndAnInPersonOneTheRoomAndAddress() {
        var plain = TestNotices.online(31, london("2027-01-12T10:00"), 0, recipient("Sam", "sam@example.org"));
        var online = new AppointmentNotice(plain.appointmentId(), plain.recipients(), plain.start(), plain.end(),
                plain.sessionLabel(), plain.format(), null, plain.therapistName(), 0, "https://meet.example.org/amira");

        VEvent event = onlyEvent(Biweekly.parse(IcsCalendars.invitation(IcsCalendars.REQUEST, online,
                online.recipients().getFirst(), templates.place(online), PRACTICE, STAMP)).first());
        assertThat(event.getUrl().getValue()).isEqualTo("https://meet.example.org/amira");
        assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.org/amira");
        assertThat(templates.place(online)).isEqualTo("Online, join at https://meet.example.org/amira");

        var inPerson = TestNotices.inPerson(32, london("2027-01-12T12:00"), 0, recipient("Sam", "sam@example.org"));
        VEvent there = onlyEvent(Biweekly.parse(invitation(IcsCalendars.REQUEST, inPerson)).first());
        assertThat(there.getUrl()).isNull();
        assertThat(there.getLocation().getValue()).contains(inPerson.roomName());
    }

    @Test
    void anOnlineSessionWithNoLinkYetSaysInTheCalendarThatTheLinkWillFollow() {
        var plain = TestNotices.online(33, london("2027-01-12T10:00"), 0, recipient("Sam", "sam@example.org"));

        VEvent toFollow = onlyEvent(Biweekly.parse(IcsCalendars.invitation(IcsCalendars.REQUEST, plain,
                plain.recipients().getFirst(), templates.place(plain), PRACTICE, STAMP)).first());
        assertThat(toFollow.getLocation().getValue()).isEqualTo("Online");
        assertThat(toFollow.getDescription().getValue())
                .isEqualTo("We'll send you the link to join before the session.");

        var linked = plain.withMeetingLink("https://meet.example.org/amira");
        VEvent withLink = onlyEvent(Biweekly.parse(IcsCalendars.invitation(IcsCalendars.REQUEST, linked,
                linked.recipients().getFirst(), templates.place(linked), PRACTICE, STAMP)).first());
        assertThat(withLink.getDescription()).isNull();
        assertThat(withLink.getUrl().getValue()).isEqualTo("https://meet.example.org/amira");
        assertThat(onlyEvent(Biweekly.parse(invitation(IcsCalendars.CANCEL, plain)).first()).getDescription())
                .as("a cancellation has nothing to join").isNull();
    }

    private String invitation(String method, AppointmentNotice notice) {
        return IcsCalendars.invitation(method, notice, notice.recipients().getFirst(),
                templates.place(notice.format(), notice.roomName()), PRACTICE, STAMP);
    }

    private static VEvent onlyEvent(ICalendar calendar) {
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().getFirst();
    }
}
