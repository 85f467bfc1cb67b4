package app.thaw.notification;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.ExceptionDates;
import biweekly.property.RecurrenceId;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;

import app.thaw.Application;
import app.thaw.scheduling.AppointmentNotice;

/**
 * A series as one recurring event. Its times are written as UK wall-clock times with the Europe/London time zone
 * (a weekly 10:00 stays 10:00 across the clock changes, which a UTC rule could not say); a date the series skipped
 * is an EXDATE, and a later change to one session names its planned start (RECURRENCE-ID) within the series' UID.
 */
final class IcsSeries {

    static final String ZONE_ID = Application.PRACTICE_ZONE.getId();

    private IcsSeries() {
    }

    /** One UID for the whole series, stable across every later change to its sessions. */
    static String uid(UUID seriesId) {
        return "series-" + seriesId + "@thaw";
    }

    /**
     * The recurrence from the first booked session to the last: every {@code intervalWeeks} weeks, COUNT planned
     * starts in between, the ones not booked (clashes) as exceptions.
     */
    static void recur(VEvent event, List<AppointmentNotice> booked, int intervalWeeks, List<ZonedDateTime> planned) {
        var bookedStarts = booked.stream().map(n -> n.start().toInstant()).toList();
        int first = indexOf(planned, bookedStarts.getFirst().toEpochMilli());
        int last = indexOf(planned, bookedStarts.getLast().toEpochMilli());
        List<ZonedDateTime> span = first < 0 || last < first ? booked.stream().map(AppointmentNotice::start).toList()
                : planned.subList(first, last + 1);
        event.setRecurrenceRule(new Recurrence.Builder(Frequency.WEEKLY).interval(intervalWeeks).count(span.size())
                .build());
        var skipped = new ExceptionDates();
        span.stream().filter(start -> !bookedStarts.contains(start.toInstant()))
                .forEach(start -> skipped.getValues().add(new ICalDate(Date.from(start.toInstant()), true)));
        if (!skipped.getValues().isEmpty()) {
            event.addExceptionDates(skipped);
        }
    }

    /** Marks the event as one occurrence of its series: the series' UID, and the session's planned start. */
    static void occurrence(VEvent event, AppointmentNotice.Occurrence occurrence) {
        event.setUid(uid(occurrence.seriesId()));
        event.setRecurrenceId(new RecurrenceId(Date.from(occurrence.originalStart().toInstant()), true));
    }

    /** Writes the calendar's times in UK time, with the Europe/London VTIMEZONE the recurrence needs. */
    static void inLondonTime(ICalendar ical) {
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(ZONE_ID), london()));
    }

    /** Europe/London since 1996: BST from the last Sunday of March 01:00 UTC to the last Sunday of October. */
    private static VTimezone london() {
        var zone = new VTimezone(ZONE_ID);
        var summer = new DaylightSavingsTime();
        summer.setDateStart(new DateTimeComponents(1981, 3, 29, 1, 0, 0, false));
        summer.setTimezoneOffsetFrom(new UtcOffset(true, 0, 0));
        summer.setTimezoneOffsetTo(new UtcOffset(true, 1, 0));
        summer.addTimezoneName("BST");
        summer.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(3).byDay(-1, DayOfWeek.SUNDAY)
                .build());
        var winter = new StandardTime();
        winter.setDateStart(new DateTimeComponents(1996, 10, 27, 2, 0, 0, false));
        winter.setTimezoneOffsetFrom(new UtcOffset(true, 1, 0));
        winter.setTimezoneOffsetTo(new UtcOffset(true, 0, 0));
        winter.addTimezoneName("GMT");
        winter.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(10).byDay(-1, DayOfWeek.SUNDAY)
                .build());
        zone.addDaylightSavingsTime(summer);
        zone.addStandardTime(winter);
        return zone;
    }

    private static int indexOf(List<ZonedDateTime> planned, long epochMilli) {
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).toInstant().toEpochMilli() == epochMilli) {
                return i;
            }
        }
        return -1;
    }
}
