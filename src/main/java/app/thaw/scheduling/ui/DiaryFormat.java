package app.thaw.scheduling.ui;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import app.thaw.base.PracticeTime;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;

/** How the diary writes dates and times: UK style, 24-hour clock, practice time. */
final class DiaryFormat {

    static final DateTimeFormatter TIME = PracticeTime.TIME;
    static final DateTimeFormatter DAY = PracticeTime.DAY;
    static final DateTimeFormatter LONG_DAY = PracticeTime.LONG_DAY;
    static final DateTimeFormatter DAY_TIME = PracticeTime.DAY_TIME;

    private DiaryFormat() {
    }

    /** "Mon 9 Mar, 10:00–10:50". */
    static String when(SessionView session) {
        return DAY.format(session.start()) + ", " + TIME.format(session.start()) + "–" + TIME.format(session.end());
    }

    static String when(ZonedDateTime start) {
        return DAY_TIME.format(start);
    }

    static String where(SessionView session) {
        return session.format() == SessionFormat.ONLINE ? "Online"
                : session.roomName() == null ? "In person" : session.roomName();
    }

    /** "9 – 15 March 2026", "30 March – 5 April 2026" or "28 December 2026 – 3 January 2027". */
    static String range(LocalDate first, LocalDate last) {
        if (first.equals(last)) {
            return LONG_DAY.format(first);
        }
        DateTimeFormatter full = PracticeTime.LONG_DATE;
        String start = first.getYear() != last.getYear() ? full.format(first)
                : first.getMonth() != last.getMonth() ? PracticeTime.DAY_MONTH.format(first)
                : String.valueOf(first.getDayOfMonth());
        return start + " – " + full.format(last);
    }
}
