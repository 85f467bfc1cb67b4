package app.thaw.notification;

import app.thaw.scheduling.TherapistSessions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import biweekly.ICalendar;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Classification;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.component.VEvent;
import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeProfile;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.MeetingLinks;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SeriesBooked;

/**
 * iCalendar text for invitations and feeds. Times are written as UTC instants: every calendar app shows
 * them in local time, and unlike a London wall-clock time they stay exact in October's repeated hour.
 */
final class IcsCalendars {

    static final String REQUEST = Method.REQUEST;
    static final String CANCEL = Method.CANCEL;
    private static final String PRODUCT_ID = "-//Thaw//Thaw appointments//EN";

    private IcsCalendars() {
    }

    /** Stable across changes and cancellation, so calendar apps update the same entry. */
    static String uid(long appointmentId) {
        return "appointment-" + appointmentId + "@thaw";
    }

    /**
     * A booking or change (REQUEST) or its cancellation (CANCEL), addressed to one client: a single session written
     * directly ({@link IcsInvitation}); a session of a series is that occurrence of the series' recurring event (same
     * UID, RECURRENCE-ID its planned start), in UK time, through the library.
     */
    static String invitation(String method, AppointmentNotice notice, AppointmentNotice.Recipient to, String location,
                             PracticeProfile practice, Instant stamp) {
        boolean cancel = CANCEL.equals(method);
        var occurrence = notice.occurrence();
        if (occurrence == null) {
            String meeting = meetingLink(notice);
            String email = practice.email();
            return IcsInvitation.write(method, uid(notice.appointmentId()), notice.start().toInstant(),
                    notice.end().toInstant(), notice.sequence(),
                    "Session with " + EmailTemplates.clean(notice.therapistName()),
                    meeting != null ? meeting : location, description(method, notice), meeting, cancel,
                    email == null || email.isBlank() ? null
                            : new IcsInvitation.Person(EmailTemplates.clean(practice.name()), email),
                    new IcsInvitation.Person(EmailTemplates.clean(to.name()), to.address()), PRODUCT_ID, stamp);
        }
        var ical = new ICalendar();
        ical.setProductId(PRODUCT_ID);
        ical.setMethod(new Method(method));
        VEvent event = event(notice.appointmentId(), notice.start().toInstant(), notice.end().toInstant(),
                notice.sequence(), "Session with " + EmailTemplates.clean(notice.therapistName()), location, stamp);
        meetingUrl(event, notice);
        event.setDescription(description(method, notice));
        event.setStatus(cancel ? Status.cancelled() : Status.confirmed());
        IcsSeries.occurrence(event, occurrence);
        IcsSeries.inLondonTime(ical);
        addPeople(event, to, practice);
        ical.addEvent(event);
        return IcsFolding.write(ical);
    }

    /**
     * A whole series in one invitation: one recurring event (RRULE, with EXDATE for the dates it skipped) whose UID
     * stays the series' own, so a later change to one date replaces just that occurrence in the client's calendar.
     */
    static String series(SeriesBooked series, AppointmentNotice.Recipient to, String location,
                         PracticeProfile practice, Instant stamp) {
        AppointmentNotice first = series.sessions().getFirst();
        var ical = new ICalendar();
        ical.setProductId(PRODUCT_ID);
        ical.setMethod(new Method(REQUEST));
        IcsSeries.inLondonTime(ical);
        VEvent event = event(first.appointmentId(), first.start().toInstant(), first.end().toInstant(), 0,
                "Session with " + EmailTemplates.clean(first.therapistName()),
                first.meetingLink() != null ? first.meetingLink() : location, stamp);
        event.setUid(IcsSeries.uid(series.seriesId()));
        IcsSeries.recur(event, series.sessions(), series.intervalWeeks(), series.planned());
        meetingUrl(event, first);
        event.setDescription(description(REQUEST, first));
        event.setStatus(Status.confirmed());
        addPeople(event, to, practice);
        ical.addEvent(event);
        return IcsFolding.write(ical);
    }

    private static void addPeople(VEvent event, AppointmentNotice.Recipient to, PracticeProfile practice) {
        if (practice.email() != null && !practice.email().isBlank()) {
            event.setOrganizer(new Organizer(parameterSafe(practice.name()), practice.email()));
        }
        var attendee = new Attendee(parameterSafe(to.name()), to.address().strip());
        attendee.setRole(Role.ATTENDEE);
        attendee.setParticipationStatus(ParticipationStatus.ACCEPTED);
        attendee.setRsvp(false);
        event.addAttendee(attendee);
    }

    /** The library refuses a double quote in a name parameter (and with it the whole confirmation): a single one. */
    private static String parameterSafe(String name) {
        return EmailTemplates.clean(name).replace('"', '\'');
    }

    /** A therapist's own subscribed calendar: sessions with clients' initials, never their names. */
    static String feed(String calendarName, List<TherapistSessions.Session> sessions,
                       Function<TherapistSessions.Session, String> location, Instant stamp) {
        var ical = new ICalendar();
        ical.setProductId(PRODUCT_ID);
        ical.setMethod(Method.publish());
        ical.addExperimentalProperty("X-WR-CALNAME", calendarName);
        ical.addExperimentalProperty("X-PUBLISHED-TTL", "PT15M");
        ical.setRefreshInterval(biweekly.util.Duration.parse("PT15M"));
        for (var session : sessions) {
            String initials = session.clientInitials().stream().map(IcsCalendars::initials)
                    .filter(text -> !text.isEmpty()).collect(Collectors.joining(" & "));
            String summary = EmailTemplates.clean(session.sessionLabel())
                    + (initials.isEmpty() ? "" : " · " + initials);
            VEvent event = event(session.appointmentId(), session.start(), session.end(), session.sequence(), summary,
                    location.apply(session), stamp);
            event.setStatus(Status.confirmed());
            event.setClassification(Classification.private_());
            ical.addEvent(event);
        }
        return IcsFolding.write(ical);
    }

    /** "Sam Taylor", "sam" or "S.T." all become initials ("S.T.", "S."): a full name never leaves. */
    static String initials(String nameOrInitials) {
        var out = new StringBuilder();
        int letters = 0;
        for (String part : nameOrInitials.strip().split("[\\s.\\-]+")) {
            if (!part.isEmpty() && Character.isLetter(part.codePointAt(0)) && letters < 4) {
                out.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
                letters++;
            }
        }
        return out.toString();
    }

    /** An online session's meeting link as the event's URL (calendars show it as "join"); in person, none. */
    private static void meetingUrl(VEvent event, AppointmentNotice notice) {
        String link = meetingLink(notice);
        if (link != null) {
            event.setUrl(link);
            event.setLocation(link);
        }
    }

    /** An online session with no link set yet says in the calendar, as in the email, that the link will follow. */
    private static @Nullable String description(String method, AppointmentNotice notice) {
        return !CANCEL.equals(method) && notice.linkToFollow() ? MeetingLinks.LINK_TO_FOLLOW : null;
    }

    private static @Nullable String meetingLink(AppointmentNotice notice) {
        return notice.format() == SessionFormat.ONLINE ? notice.meetingLink() : null;
    }

    private static VEvent event(long appointmentId, Instant start, Instant end, int sequence, String summary,
                                String location, Instant stamp) {
        var event = new VEvent();
        event.setUid(uid(appointmentId));
        event.setDateTimeStamp(Date.from(stamp));
        event.setDateStart(Date.from(start), true);
        event.setDateEnd(Date.from(end), true);
        event.setSequence(sequence);
        event.setSummary(summary);
        event.setLocation(location);
        return event;
    }
}
