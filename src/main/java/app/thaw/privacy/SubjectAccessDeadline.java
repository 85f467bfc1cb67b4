package app.thaw.privacy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When a subject access request must be answered, by the ICO's reading of UK GDPR art. 12(3): the corresponding
 * calendar date one month after the day of receipt (the last day of a shorter month when there is none: received
 * 31 January, due 28 or 29 February), moved to the next working day when that date falls on a weekend or an England
 * and Wales bank holiday. The lawful extension adds up to two further months, counted the same way from receipt.
 * One-off bank holidays announced by proclamation are not known here. Pure code.
 */
public final class SubjectAccessDeadline {

    /** The extension allowed for complex or numerous requests (art. 12(3)). */
    public static final int MAX_EXTENSION_MONTHS = 2;

    private SubjectAccessDeadline() {
    }

    /** The due date for a request received on {@code received}, with {@code extensionMonths} (0 to 2) added. */
    public static LocalDate due(LocalDate received, int extensionMonths) {
        if (extensionMonths < 0 || extensionMonths > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("The deadline can be extended by one or two months only");
        }
        // plusMonths keeps the day of month, or takes the month's last day when it has no such day
        LocalDate due = received.plusMonths(1L + extensionMonths);
        while (!isWorkingDay(due)) {
            due = due.plusDays(1);
        }
        return due;
    }

    /** Days from {@code today} to {@code due}: 0 on the day, negative once it has passed. */
    public static long daysLeft(LocalDate due, LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isBankHoliday(day);
    }

    /** The regular bank holidays of England and Wales, with their substitute days. */
    static boolean isBankHoliday(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = easterSunday(year);
        return day.equals(substitute(LocalDate.of(year, Month.JANUARY, 1)))
                || day.equals(easter.minusDays(2))
                || day.equals(easter.plusDays(1))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || day.equals(LocalDate.of(year, Month.AUGUST, 1)
                        .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || isChristmasHoliday(day);
    }

    /** Christmas and Boxing Day; when either falls at a weekend, the next free weekday instead. */
    private static boolean isChristmasHoliday(LocalDate day) {
        if (day.getMonth() != Month.DECEMBER || day.getDayOfMonth() < 25) {
            return false;
        }
        LocalDate christmas = substitute(LocalDate.of(day.getYear(), Month.DECEMBER, 25));
        LocalDate boxingDay = LocalDate.of(day.getYear(), Month.DECEMBER, 26);
        boxingDay = substitute(boxingDay.isAfter(christmas) ? boxingDay : christmas.plusDays(1));
        return day.equals(christmas) || day.equals(boxingDay);
    }

    private static LocalDate substitute(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.plusDays(2);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    /** The Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
