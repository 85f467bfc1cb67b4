package app.thaw.base;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The practice's time: Europe/London, and every way a date or time is written for people, in UK English. Each
 * formatter shows an instant in London time (GMT or BST), so a page, an email and a PDF agree on what "14:30" means.
 * Named by what they show: DAY is a short weekday ("Mon 3 Mar"), DATE a date with the year ("3 Mar 2026"), LONG the
 * month in full. Every pattern in the code lives here (ModularityTests refuses {@code ofPattern} elsewhere).
 */
public final class PracticeTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** 14:30 */
    public static final DateTimeFormatter TIME = of("HH:mm");
    /** Mon 3 Mar */
    public static final DateTimeFormatter DAY = of("EEE d MMM");
    /** Mon 3 Mar 14:30 */
    public static final DateTimeFormatter DAY_TIME = of("EEE d MMM HH:mm");
    /** Mon 3 Mar, 14:30 */
    public static final DateTimeFormatter DAY_COMMA_TIME = of("EEE d MMM, HH:mm");
    /** Mon 3 Mar 2026 */
    public static final DateTimeFormatter DAY_DATE = of("EEE d MMM yyyy");
    /** Mon 3 Mar 2026 14:30 */
    public static final DateTimeFormatter DAY_DATE_TIME = of("EEE d MMM yyyy HH:mm");
    /** Mon 3 Mar 2026, 14:30 */
    public static final DateTimeFormatter DAY_DATE_COMMA_TIME = of("EEE d MMM yyyy, HH:mm");
    /** Mon 3 March */
    public static final DateTimeFormatter DAY_LONG_MONTH = of("EEE d MMMM");
    /** 3 Mar */
    public static final DateTimeFormatter SHORT_DAY_MONTH = of("d MMM");
    /** 3 March */
    public static final DateTimeFormatter DAY_MONTH = of("d MMMM");
    /** 3 Mar 2026 */
    public static final DateTimeFormatter DATE = of("d MMM yyyy");
    /** 3 Mar 2026 14:30 */
    public static final DateTimeFormatter DATE_TIME = of("d MMM yyyy HH:mm");
    /** 3 Mar 2026, 14:30 */
    public static final DateTimeFormatter DATE_COMMA_TIME = of("d MMM yyyy, HH:mm");
    /** 3 Mar 2026 14:30:05 */
    public static final DateTimeFormatter DATE_SECONDS = of("d MMM yyyy HH:mm:ss");
    /** 3 March 2026 */
    public static final DateTimeFormatter LONG_DATE = of("d MMMM yyyy");
    /** 3 March 2026, 14:30 */
    public static final DateTimeFormatter LONG_DATE_TIME = of("d MMMM yyyy, HH:mm");
    /** Monday 3 March 2026 */
    public static final DateTimeFormatter LONG_DAY = of("EEEE d MMMM yyyy");
    /** Monday 3 March 2026, 14:30 */
    public static final DateTimeFormatter LONG_DAY_TIME = of("EEEE d MMMM yyyy, HH:mm");
    /** Monday 3 March 2026 at 14:30 */
    public static final DateTimeFormatter LONG_DAY_AT = of("EEEE d MMMM yyyy 'at' HH:mm");
    /** Monday 3 March at 14:30 */
    public static final DateTimeFormatter WEEKDAY_AT = of("EEEE d MMMM 'at' HH:mm");
    /** Monday 3 March, 14:30 */
    public static final DateTimeFormatter WEEKDAY_TIME = of("EEEE d MMMM, HH:mm");
    /** Monday 3 March 2026, 14:30:05.123 GMT: the audit log's exact moment */
    public static final DateTimeFormatter EXACT = of("EEEE d MMMM yyyy, HH:mm:ss.SSS zzz");
    /** GMT or BST, so a time in the autumn's repeated hour is never ambiguous */
    public static final DateTimeFormatter ZONE_NAME = of("zzz");
    /** 20261103T100000Z: an instant in UTC as calendar files (RFC 5545) write it, whatever the practice's zone */
    public static final DateTimeFormatter ICALENDAR_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'",
            Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private PracticeTime() {
    }

    private static DateTimeFormatter of(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.UK).withZone(ZONE);
    }
}
