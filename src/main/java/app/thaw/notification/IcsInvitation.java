package app.thaw.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;

/**
 * One session's invitation or cancellation (RFC 5545), written line by line: every booking sends one, and building it
 * through the iCalendar library was an eighth of a booking's Java time. The library still writes series and feeds.
 * Text values are escaped; a name in a parameter is quoted when it holds {@code : ; ,}, and a double quote, which a
 * parameter cannot carry, becomes a single one (the library refused such a name, and the confirmation with it).
 */
final class IcsInvitation {

    private static final DateTimeFormatter UTC = PracticeTime.ICALENDAR_UTC;

    /** Someone named in the invitation: the organiser (the practice) or the client it is sent to. */
    record Person(String name, String email) {
    }

    private final StringBuilder out = new StringBuilder(1024);

    private IcsInvitation() {
    }

    static String write(String method, String uid, Instant start, Instant end, int sequence, String summary,
                        String location, @Nullable String description, @Nullable String url, boolean cancelled,
                        @Nullable Person organizer, Person attendee, String productId, Instant stamp) {
        var ics = new IcsInvitation();
        ics.line("BEGIN:VCALENDAR");
        ics.line("VERSION:2.0");
        ics.line("PRODID:" + text(productId));
        ics.line("METHOD:" + method);
        ics.line("BEGIN:VEVENT");
        ics.line("UID:" + text(uid));
        ics.line("DTSTAMP:" + UTC.format(stamp));
        ics.line("DTSTART:" + UTC.format(start));
        ics.line("DTEND:" + UTC.format(end));
        ics.line("SEQUENCE:" + sequence);
        ics.line("SUMMARY:" + text(summary));
        ics.line("LOCATION:" + text(location));
        if (description != null) {
            ics.line("DESCRIPTION:" + text(description));
        }
        if (url != null) {
            ics.line("URL:" + url.strip());
        }
        ics.line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        if (organizer != null) {
            ics.line("ORGANIZER;CN=" + parameter(organizer.name()) + ":mailto:" + organizer.email().strip());
        }
        ics.line("ATTENDEE;CN=" + parameter(attendee.name())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + attendee.email().strip());
        ics.line("END:VEVENT");
        ics.line("END:VCALENDAR");
        return ics.out.toString();
    }

    private void line(String content) {
        IcsFolding.foldLine(out, content);
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String text(String value) {
        var escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (!Character.isISOControl(c)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A parameter value: no control characters or double quotes; quoted when it holds a colon, semicolon or comma. */
    static String parameter(String value) {
        var clean = new StringBuilder(value.length());
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                continue;
            }
            clean.append(c == '"' ? '\'' : c);
            quote |= c == ':' || c == ';' || c == ',';
        }
        return quote ? "\"" + clean + "\"" : clean.toString();
    }
}
